/**
 * `npm run demo:lms`: "Noord Academy", a small local stand-in for Klantcontact Noord's Moodle,
 * for trying the LTI 1.3 tool with the demo data (which registers it). Open
 * http://127.0.0.1:3556, pick an activity and a person, and the lesson opens inside the
 * platform's page; as the teacher, add lessons from Leerplein (deep linking); the scores the
 * tool sends back show in the gradebook, and the org admin can import the course's roster at
 * /orgs/klantcontact-noord/lti/courses. It is the loopback test platform of the test suite
 * (tests/lti-platform) on a fixed port. PORT: where the product runs (3000).
 */
import { DEMO_LTI } from '#app/demo/demo-people.ts'
import { ROLE } from '#app/integrations/lti/claims.ts'
import { targetOfLink, targetUrl } from '#app/integrations/lti/targets.ts'
import { LTI_PATHS } from '#app/integrations/lti/tool-urls.ts'
import type { LaunchPerson, LaunchShape } from '#tests/lti-platform/claim-sets.ts'
import { addDeepLinkingReturn } from '#tests/lti-platform/deep-linking.ts'
import { addLaunches } from '#tests/lti-platform/launches.ts'
import { startTestPlatform } from '#tests/lti-platform/platform.ts'
import { addServices } from '#tests/lti-platform/services.ts'

const appUrl = `http://localhost:${process.env.PORT ?? '3000'}`
const { academy } = DEMO_LTI
const CONTEXT = academy.context.contextId
const platform = await startTestPlatform({ port: academy.port })
const desk = addLaunches(platform, { redirectUri: `${appUrl}${LTI_PATHS.launch}` })
const toolJwks = `${appUrl}${LTI_PATHS.jwks}`
const services = addServices(platform, { clientId: academy.clientId, toolJwks })
const placed = addDeepLinkingReturn(platform, {
  clientId: academy.clientId,
  toolJwks,
  deploymentId: academy.deploymentId,
  data: 'noord-academy-cohort-2026',
})

const person = (p: { subject: string; name: string; email: string }, teacher = false) => ({
  sub: p.subject,
  name: p.name,
  givenName: p.name.split(' ')[0]!,
  familyName: p.name.split(' ').slice(1).join(' '),
  email: p.email,
  teacher,
})
const learners: LaunchPerson[] = academy.learners.map((l) => person(l))
const teacher: LaunchPerson = person(academy.teacher, true)
services.setRoster(
  CONTEXT,
  [...learners, teacher].map((p) => ({
    status: 'Active' as const,
    name: p.name,
    given_name: p.givenName,
    family_name: p.familyName,
    email: p.email,
    user_id: p.sub,
    roles: [p.teacher ? ROLE.instructor : ROLE.learner],
  })),
)

/** The course's activities: the demo links, then what the teacher placed by deep linking. */
function activities() {
  const fromDemo = academy.links.map((link) => ({
    id: link.resourceLinkId,
    title: link.title,
    url: targetUrl(appUrl, targetOfLink(link)!),
    lineItemId: link.lineItemId,
  }))
  const fromTeacher = placed.received
    .flatMap((answer) => answer.items)
    .map((item, index) => ({
      id: `dl-${index + 1}`,
      title: item.title ?? item.url ?? '',
      url: item.url ?? appUrl,
      lineItemId: `dl-${index + 1}`,
    }))
  return [...fromDemo, ...fromTeacher]
}

function shape(
  who: LaunchPerson,
  activity: ReturnType<typeof activities>[number] | null,
): LaunchShape {
  return {
    family: 'moodle',
    issuer: academy.issuer,
    platformUrl: academy.issuer,
    clientId: academy.clientId,
    deploymentId: academy.deploymentId,
    person: who,
    context: { id: CONTEXT, label: 'TL-2026', title: academy.context.title },
    membershipsUrl: services.membershipsUrl(CONTEXT),
    ...(activity
      ? {
          targetLinkUri: activity.url,
          resourceLink: { id: activity.id, title: activity.title },
          lineItem: services.lineItemUrl(CONTEXT, activity.lineItemId),
        }
      : {
          messageType: 'LtiDeepLinkingRequest',
          targetLinkUri: `${appUrl}${LTI_PATHS.deepLinking}`,
          deepLinkReturnUrl: placed.returnUrl,
          deepLinkData: placed.data,
        }),
  }
}

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
const page = (title: string, body: string) => ({
  body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)} – Noord Academy</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#f4f1ea;color:#222}header{background:#b34700;color:#fff;padding:12px 24px}main{padding:16px 24px;max-width:1100px}iframe{width:100%;height:80vh;border:1px solid #ccc;background:#fff}li{margin:8px 0}a{color:#0b5cad}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head><body><header><strong>Noord Academy</strong> · ${html(academy.context.title)}</header><main>${body}</main></body></html>`,
})

platform.route('GET', '/', () => {
  const list = activities()
    .map(
      (a) =>
        `<li><strong>${html(a.title)}</strong><br>${learners
          .map(
            (p) =>
              `<a href="/launch?activity=${a.id}&amp;as=${p.sub}">open als ${html(p.name)}</a>`,
          )
          .join(' · ')}</li>`,
    )
    .join('')
  const grades = activities()
    .flatMap((a) =>
      [...services.gradebook(CONTEXT, a.lineItemId).values()].map(
        (s) =>
          `<tr><td>${html(a.title)}</td><td>${html(learners.find((p) => p.sub === s.userId)?.name ?? s.userId)}</td><td>${s.scoreGiven ?? '–'} / ${s.scoreMaximum ?? '–'}</td><td>${html(s.activityProgress)}</td></tr>`,
      ),
    )
    .join('')
  return page(
    'Cursus',
    `<h1>${html(academy.context.title)}</h1><h2>Activiteiten uit Leerplein (LTI 1.3)</h2><ul>${list}</ul><p><a href="/launch?as=${teacher.sub}">Inhoud uit Leerplein toevoegen (als docent ${html(teacher.name)})</a></p><h2>Cijferlijst</h2>${grades ? `<table><tr><th>Activiteit</th><th>Deelnemer</th><th>Score</th><th>Voortgang</th></tr>${grades}</table>` : '<p>Nog geen scores ontvangen.</p>'}`,
  )
})

platform.route('GET', '/launch', (request) => {
  const who = [...learners, teacher].find((p) => p.sub === request.url.searchParams.get('as'))
  const activity = activities().find((a) => a.id === request.url.searchParams.get('activity'))
  if (!who) return { status: 404, body: 'Onbekende persoon' }
  if (!activity && !who.teacher) return { status: 404, body: 'Onbekende activiteit' }
  const { initiation } = desk.prepare(shape(who, activity ?? null))
  const src = `${appUrl}${LTI_PATHS.login}?${new URLSearchParams(initiation)}`
  return page(
    activity?.title ?? 'Inhoud toevoegen',
    `<p><a href="/">← Terug naar de cursus</a> · ${html(who.name)}</p><iframe title="Leerplein" src="${html(src)}"></iframe>`,
  )
})

console.log(`Noord Academy (demo LMS) runs at ${academy.issuer}; the product at ${appUrl}.`)
