import { lessonComponents } from '#app/components/lesson-kit/index.ts'
import { mdxComponentFor } from '#app/components/lesson-kit/mdx-component.ts'
import { localizeProblem } from '#app/authoring/problem-messages.ts'
import type { QuizKey } from '#app/content/lesson-kit-spec.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

export type PreviewData =
  | { ok: true; hash: string; code: string; quiz: QuizKey | null }
  | { ok: false; problems: Array<{ line: number; col: number; message: string }> }

/**
 * A lesson as learners will see it, rendered by the published lessons' component kit from
 * the same compile. Inert: a preview's quiz or scenario must not post to the editor.
 */
export function LessonPreview({
  preview,
  onProblem,
}: {
  preview: PreviewData
  onProblem?: (line: number, col: number) => void
}) {
  const { t, locale } = useTranslation()
  if (!preview.ok) {
    return (
      <div role="alert" className="problems">
        <p>
          <strong>{t('authoring.previewProblems')}</strong>
        </p>
        <ul>
          {preview.problems.map((p, i) => (
            <li key={i}>
              {onProblem ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onProblem(p.line, p.col)}
                >
                  {t('authoring.lineCol', { line: p.line, col: p.col })}
                </button>
              ) : (
                t('authoring.lineCol', { line: p.line, col: p.col })
              )}
              : {localizeProblem(p.message, locale)}
            </li>
          ))}
        </ul>
      </div>
    )
  }
  const Component = mdxComponentFor(preview.hash, preview.code)
  return (
    <>
      <div className="lesson-body preview" inert>
        {/* eslint-disable-next-line react-hooks/static-components -- one component per compiled lesson, cached by hash */}
        <Component components={lessonComponents} />
      </div>
      {preview.quiz ? (
        <details className="answer-key">
          <summary>{t('authoring.answerKey')}</summary>
          <ol>
            {preview.quiz.questions.map((q, i) => (
              <li key={i}>
                {t('authoring.correctOptions', {
                  options: q.correct.map((c) => String.fromCharCode(65 + c)).join(', '),
                })}
                {q.feedback ? ` · ${q.feedback}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  )
}
