import { prisma } from '#app/db.server.ts'
import {
  findPublishedLesson,
  recordCompletion,
  recordQuizAttempt,
} from '#app/domain/progress.server.ts'

/**
 * Demo learning history, recorded through the same functions a learner's clicks use, so the
 * events, completions and steps are exactly what real use would produce. Lotte Visser
 * (leerling@noord.demo.test) is spread over the ladder; a few colleagues have some history.
 */
const HISTORY: Record<string, Array<[lessonKey: string, quizScore?: number]>> = {
  'leerling@noord.demo.test': [
    // Knowledge complete: TL-K1-W1, TL-K2-W1, TL-K3-W1
    ['tl-k1-w1-dienst-aansturen'],
    ['tl-k1-w1-toets', 60],
    ['tl-k1-w1-toets', 80],
    ['tl-k2-w1-inwerkplan'],
    ['tl-k2-w1-scenario-eerste-week'],
    ['tl-k2-w1-quiz', 100],
    ['tl-k3-w1-bezetting'],
    ['tl-k3-w1-quiz', 80],
    // Knowledge complete on all of core task K2, for the proeve (demo-assessments)
    ['tl-k2-w2-ondersteunen'],
    ['tl-k2-w2-quiz', 80],
    ['tl-k2-w3-coachgesprek'],
    ['tl-k2-w3-scenario-aht'],
    ['tl-k2-w3-quiz', 100],
    ['tl-k2-w4-instructie'],
    ['tl-k2-w4-quiz', 80],
    // Learning: TL-K1-W2, TL-K3-W3, TL-K4-W1 (a quiz not passed yet)
    ['tl-k1-w2-informatiestromen'],
    ['tl-k3-w3-targets'],
    ['tl-k4-w1-teamproject'],
    ['tl-k4-w1-quiz', 60],
  ],
  'daan.mulder@noord.demo.test': [['tl-k2-w3-coachgesprek'], ['tl-k2-w3-quiz', 100]],
  'fatima.bouzid@noord.demo.test': [['tl-k1-w1-dienst-aansturen'], ['tl-k1-w1-toets', 100]],
  'jeroen.willems@callforce.demo.test': [['cm-k1-w1-inkomend-contact'], ['cm-k1-w1-quiz', 75]],
}

export async function seedDemoProgress() {
  for (const [email, steps] of Object.entries(HISTORY)) {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } })
    if (!user) continue
    for (const [lessonKey, score] of steps) {
      const lesson = await findPublishedLesson(lessonKey)
      if (!lesson) continue // content changed: the demo skips what no longer exists
      if (score === undefined)
        await recordCompletion(
          user.id,
          lesson,
          lessonKey.includes('scenario') ? 'scenario' : 'done',
        )
      else
        await recordQuizAttempt(user.id, lesson, {
          score,
          passMark: 75,
          passed: score >= 75,
          answers: [],
        })
    }
  }
}
