import { createContext, useContext, type ReactNode } from 'react'
import { Form } from 'react-router'
import type { QuizResult } from '#app/domain/quiz-grading.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { useLesson } from './lesson-context.tsx'

/**
 * A quiz is a plain form: it works without JavaScript. The page holds no answer key; the
 * server grades the submission and sends which questions and chosen options were wrong, with
 * the author's explanation. The correct options come only once the learner passed or used
 * up the quiz's attempts (`revealAfter`), so a retry is the learner's own work.
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
      {quizResult ? <KeyNotice result={quizResult} /> : null}
      <button type="submit" className="button">
        {quizResult ? t('kit.quiz.retry') : t('kit.quiz.submit')}
      </button>
    </Form>
  )
}

/** When the learner sees the correct options: now (at the questions), later, or after a pass. */
function KeyNotice({ result }: { result: QuizResult }) {
  const { t } = useTranslation()
  if (result.revealed) {
    return result.correctCount < result.total ? (
      <p className="quiz-key">{t('quizFeedback.keyRevealed')}</p>
    ) : null
  }
  return (
    <p className="quiz-key">
      {result.attemptsUntilReveal === null
        ? t('quizFeedback.keyAfterPass')
        : t('quizFeedback.keyAfterAttempts', { count: result.attemptsUntilReveal })}
    </p>
  )
}

/** Whether an author already wrote the "several answers" hint into the prompt. */
const mentions = (prompt: string, hint: string) =>
  prompt.toLocaleLowerCase().includes(hint.toLocaleLowerCase())

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
          {type === 'multiple' && !mentions(prompt, t('kit.quiz.multiple')) ? (
            <span className="muted"> ({t('kit.quiz.multiple')})</span>
          ) : null}
        </legend>
        {children}
        {result ? (
          <div className={`feedback ${result.correct ? 'right' : 'wrong'}`}>
            <p>
              <strong>{result.correct ? t('kit.quiz.right') : t('kit.quiz.wrong')}</strong>{' '}
              {result.correct ? null : <WhatWasWrong question={result} />}
              {result.feedback}
            </p>
          </div>
        ) : null}
      </fieldset>
    </QuestionContext.Provider>
  )
}

/** Why a wrong answer is wrong without saying what is right: nothing chosen, or incomplete. */
function WhatWasWrong({ question }: { question: QuizResult['questions'][number] }) {
  const { t } = useTranslation()
  if (question.chosen.length === 0) return <>{t('quizFeedback.nothingChosen')} </>
  if (question.wrongChosen.length === 0) return <>{t('quizFeedback.missing')} </>
  return null
}

export function Option({ index, children }: { index: string; children: ReactNode }) {
  const { t } = useTranslation()
  const question = useContext(QuestionContext)
  const result = useLesson().quizResult?.questions[question.index]
  const value = Number(index)
  const isCorrect = result?.correctOptions?.includes(value) ?? false
  const chosenWrong = result?.wrongChosen.includes(value) ?? false
  return (
    <label className={`option${isCorrect ? ' correct' : ''}${chosenWrong ? ' wrong' : ''}`}>
      <input
        type={question.type === 'multiple' ? 'checkbox' : 'radio'}
        name={`q${question.index}`}
        value={index}
        defaultChecked={result?.chosen.includes(value)}
      />{' '}
      {children}
      {isCorrect ? <span className="quiz-mark right"> {t('kit.quiz.correctOption')}</span> : null}
      {chosenWrong ? (
        <span className="quiz-mark wrong"> {t('quizFeedback.chosenWrong')}</span>
      ) : null}
    </label>
  )
}
