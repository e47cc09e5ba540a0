import { withContext, type DiffLine, type SnapshotDiff } from '#app/authoring/course-diff.ts'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

const show = (value: unknown) =>
  Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value)

const DIFF_KIND = {
  added: 'authoring.diff.added',
  removed: 'authoring.diff.removed',
  changed: 'authoring.diff.changed',
} satisfies Record<string, TextKey>

/** A line diff, long unchanged runs folded; +/− marks changes besides the colour. */
export function DiffLines({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation()
  return (
    <pre className="diff">
      {withContext(lines).map((line, i) =>
        line.op === 'skip' ? (
          <span key={i} className="diff-skip">
            {t('authoring.diffSkip', { count: line.count })}
            {'\n'}
          </span>
        ) : (
          <span key={i} className={`diff-${line.op}`}>
            {line.op === 'add' ? '+ ' : line.op === 'del' ? '- ' : '  '}
            {line.text}
            {'\n'}
          </span>
        ),
      )}
    </pre>
  )
}

/** What changed between two versions of a course, lesson by lesson (by stable id). */
export function CourseDiffView({ diff }: { diff: SnapshotDiff }) {
  const { t } = useTranslation()
  if (diff.isEmpty) return <p>{t('authoring.diffNone')}</p>
  const kind = (k: keyof typeof DIFF_KIND) => t(DIFF_KIND[k])
  return (
    <div className="course-diff">
      {diff.course.length > 0 ? (
        <section>
          <h3>{t('authoring.courseFields')}</h3>
          <ul>
            {diff.course.map((c) => (
              <li key={c.field}>
                <code>{c.field}</code>: {show(c.before)} → {show(c.after)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.modules.length > 0 ? (
        <section>
          <h3>{t('authoring.modules')}</h3>
          <ul>
            {diff.modules.map((m) => (
              <li key={m.key}>
                <strong>{kind(m.kind)}</strong>: {m.title}
                {m.kind === 'changed' && m.moved
                  ? ` (${t('authoring.diffMoved', { from: m.moved.from, to: m.moved.to })})`
                  : ''}
                {m.kind === 'changed'
                  ? m.fields.map((f) => ` · ${f.field}: ${show(f.before)} → ${show(f.after)}`)
                  : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.lessons.length > 0 ? (
        <section>
          <h3>{t('authoring.lessons')}</h3>
          {diff.lessons.map((l) => (
            <div key={l.key} className="lesson-diff" data-lesson={l.key}>
              <p>
                <strong>{kind(l.kind)}</strong>: {l.title} <code>{l.key}</code>
              </p>
              {l.kind === 'changed' ? (
                <>
                  {l.moved ? (
                    <p>
                      {t('authoring.diffLessonMoved', {
                        from: `${l.moved.from.module} #${l.moved.from.position}`,
                        to: `${l.moved.to.module} #${l.moved.to.position}`,
                      })}
                    </p>
                  ) : null}
                  {l.fields.length > 0 ? (
                    <ul>
                      {l.fields.map((f) => (
                        <li key={f.field}>
                          <code>{f.field}</code>: {show(f.before)} → {show(f.after)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {l.bodyNl ? <DiffLines lines={l.bodyNl} /> : null}
                  {l.bodyEn ? (
                    <>
                      <p className="muted">English</p>
                      <DiffLines lines={l.bodyEn} />
                    </>
                  ) : null}
                </>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </div>
  )
}
