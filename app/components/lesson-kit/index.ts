import { Callout, Term } from './callout.tsx'
import { KpiCalculator } from './kpi-calculator.tsx'
import { Option, Question, Quiz } from './quiz.tsx'
import { Checklist, Item, Reflection } from './reflection.tsx'
import { Choice, Ending, Scenario, Step } from './scenario.tsx'

/** The component registry lessons render with: the kit of docs/course-authoring.md. */
export const lessonComponents = {
  Callout,
  Term,
  Quiz,
  Question,
  Option,
  // The answer key's feedback is removed at compile time; nothing remains to render.
  Feedback: () => null,
  Scenario,
  Step,
  Choice,
  Ending,
  Reflection,
  Checklist,
  Item,
  KpiCalculator,
}
