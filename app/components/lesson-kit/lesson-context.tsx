import { createContext, useContext } from 'react'
import type { QuizResult } from '#app/domain/quiz-grading.server.ts'

/** What the lesson page gives its components: the learner's state for this lesson. */
export type LessonState = {
  signedIn: boolean
  reflections: Record<string, string>
  savedReflection: string | null
  quizResult: QuizResult | null
}

export const LessonContext = createContext<LessonState>({
  signedIn: false,
  reflections: {},
  savedReflection: null,
  quizResult: null,
})

export const useLesson = () => useContext(LessonContext)
