import { data } from 'react-router'
import type { Route } from './+types/problem'
import { LtiProblem } from '#app/components/lti/lti-problem.tsx'
import { LAUNCH_PROBLEMS, statusOfProblem } from '#app/integrations/lti/launch-problems.ts'

/**
 * Why a launch from a learning platform could not go on, shown inside the platform's iframe,
 * with the HTTP status that fits (401 for a bad or replayed message, 403 for a refusal, …).
 */
export function loader({ params }: Route.LoaderArgs) {
  const reason = LAUNCH_PROBLEMS.find((problem) => problem === params.reason)
  if (!reason) throw new Response('Not found', { status: 404 })
  return data({ reason }, { status: statusOfProblem(reason) })
}

export default function LtiProblemPage({ loaderData }: Route.ComponentProps) {
  return <LtiProblem reason={loaderData.reason} />
}
