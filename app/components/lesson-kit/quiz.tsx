import { createContext, useContext, type ReactNode } from 'react'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { useLesson } from './lesson-context.tsx'

/**
 * A quiz is a plain form: it works without JavaScript. The page holds no answer key; the
 * server grades the submission and only then sends which options were right, with feedback.
 */
const QuestionContext = createContext<{ index: number; type: string }>({ index: 0, type: 'single' })

export function Quiz({ passMark, children }: { passMark: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { quizResult } = useLesson()
  return (
    <Form method="post" className="quiz" aria-label={t('kit.quiz.label')} preventScrollReset>
      <input type="hidden" name="intent" value="quiz" />
      <p className="muted">{t('kit.quiz.passMark', { passMark })}</p>
      {children}
      {quizResult ? (
        <p role="status" className={`quiz-result ${quizResult.passed ? 'passed' : 'failed'}`}>
          {t(quizResult.passed ? 'kit.quiz.passed' : 'kit.quiz.failed', {
            score: quizResult.score,
            correct: quizResult.correctCount,
            total: quizResult.total,
          })}
        </p>
      ) : null}
      <button type="submit" className="button">
        {quizResult ? t('kit.quiz.retry') : t('kit.quiz.submit')}
      </button>
    </Form>
  )
}

export function Question({
  index,
  type,
  prompt,
  children,
}: {
  index: string
  type: string
  prompt: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const result = useLesson().quizResult?.questions[Number(index)]
  return (
    <QuestionContext.Provider value={{ index: Number(index), type }}>
      <fieldset className="question">
        <legend>
          {Number(index) + 1}. {prompt}
          {type === 'multiple' ? <span className="muted"> ({t('kit.quiz.multiple')})</span> : null}
        </legend>
        {children}
        {result ? (
          <div className={`feedback ${result.correct ? 'right' : 'wrong'}`}>
            <p>
              <strong>{result.correct ? t('kit.quiz.right') : t('kit.quiz.wrong')}</strong>{' '}
              {result.feedback}
            </p>
          </div>
        ) : null}
      </fieldset>
    </QuestionContext.Provider>
  )
}

export function Option({ index, children }: { index: string; children: ReactNode }) {
  const { t } = useTranslation()
  const question = useContext(QuestionContext)
  const result = useLesson().quizResult?.questions[question.index]
  const value = Number(index)
  const isCorrect = result?.correctOptions.includes(value)
  return (
    <label className={`option${result ? (isCorrect ? ' correct' : '') : ''}`}>
      <input
        type={question.type === 'multiple' ? 'checkbox' : 'radio'}
        name={`q${question.index}`}
        value={index}
        defaultChecked={result?.chosen.includes(value)}
      />{' '}
      {children}
      {result && isCorrect ? <span className="badge"> {t('kit.quiz.correctOption')}</span> : null}
    </label>
  )
}
