/**
 * `npm run demo:lms`: "Noord Academy", a small local stand-in for Klantcontact Noord's Moodle,
 * for trying the LTI 1.3 tool with the demo data (which registers it). Open
 * http://localhost:3556, pick an activity and a person, and the lesson opens inside the
 * platform's page; scores the tool sends back show in the gradebook. It is the loopback test
 * platform of the test suite (tests/lti-platform), on a fixed port. PORT: where the product
 * runs (3000).
 */
import { DEMO_LTI } from '#app/demo/demo-people.ts'
import { LTI_PATHS } from '#app/integrations/lti/tool-urls.ts'
import { targetOfLink, targetUrl } from '#app/integrations/lti/targets.ts'
import type { LaunchPerson } from '#tests/lti-platform/claim-sets.ts'
import { addLaunches } from '#tests/lti-platform/launches.ts'
import { startTestPlatform } from '#tests/lti-platform/platform.ts'

const appUrl = `http://localhost:${process.env.PORT ?? '3000'}`
const { academy } = DEMO_LTI
const platform = await startTestPlatform({ port: academy.port })
const desk = addLaunches(platform, { redirectUri: `${appUrl}${LTI_PATHS.launch}` })

const people: Array<LaunchPerson & { label: string }> = [
  ...academy.learners.map((learner) => ({
    sub: learner.subject,
    name: learner.name,
    givenName: learner.name.split(' ')[0]!,
    familyName: learner.name.split(' ').slice(1).join(' '),
    email: learner.email,
    label: `${learner.name} (deelnemer)`,
  })),
  {
    sub: academy.teacher.subject,
    name: academy.teacher.name,
    givenName: academy.teacher.name.split(' ')[0]!,
    familyName: academy.teacher.name.split(' ').slice(1).join(' '),
    email: academy.teacher.email,
    teacher: true,
    label: `${academy.teacher.name} (docent)`,
  },
]

function shape(person: LaunchPerson, link: (typeof academy.links)[number] | null) {
  const target = link ? targetOfLink(link) : null
  return {
    family: 'moodle' as const,
    issuer: academy.issuer,
    platformUrl: academy.issuer,
    clientId: academy.clientId,
    deploymentId: academy.deploymentId,
    person,
    context: { id: academy.context.contextId, label: 'TL-2026', title: academy.context.title },
    ...(link && target
      ? {
          targetLinkUri: targetUrl(appUrl, target),
          resourceLink: { id: link.resourceLinkId, title: link.title },
          lineItem: `${academy.issuer}/mod/lti/services.php/12/lineitems/${link.lineItemId}/lineitem?type_id=1`,
          membershipsUrl: `${academy.issuer}/mod/lti/services.php/CourseSection/12/bindings/1/memberships`,
        }
      : {
          messageType: 'LtiDeepLinkingRequest' as const,
          targetLinkUri: `${appUrl}${LTI_PATHS.deepLinking}`,
          deepLinkReturnUrl: `${academy.issuer}/mod/lti/contentitem_return.php`,
        }),
  }
}

const page = (title: string, body: string) => ({
  body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title} – Noord Academy</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#f4f1ea;color:#222}header{background:#f98012;color:#fff;padding:12px 24px}main{padding:16px 24px}iframe{width:100%;height:80vh;border:1px solid #ccc;background:#fff}li{margin:6px 0}a{color:#0b5cad}</style></head><body><header><strong>Noord Academy</strong> · ${academy.context.title}</header><main>${body}</main></body></html>`,
})

platform.route('GET', '/', () =>
  page(
    'Cursus',
    `<h1>${academy.context.title}</h1><p>Activiteiten uit Leerplein (LTI 1.3):</p><ul>${academy.links
      .map(
        (link) =>
          `<li><strong>${link.title}</strong>: ${people
            .filter((p) => !p.teacher)
            .map(
              (p) =>
                `<a href="/launch?link=${link.resourceLinkId}&amp;as=${p.sub}">open als ${p.label}</a>`,
            )
            .join(' · ')}</li>`,
      )
      .join(
        '',
      )}</ul><p><a href="/launch?as=${academy.teacher.subject}">Inhoud uit Leerplein toevoegen (docent, deep linking)</a></p>`,
  ),
)

platform.route('GET', '/launch', (request) => {
  const person = people.find((p) => p.sub === request.url.searchParams.get('as'))
  const link = academy.links.find((l) => l.resourceLinkId === request.url.searchParams.get('link'))
  if (!person) return { status: 404, body: 'onbekende persoon' }
  const { initiation } = desk.prepare(shape(person, link ?? null))
  const src = `${appUrl}${LTI_PATHS.login}?${new URLSearchParams(initiation)}`
  return page(
    link?.title ?? 'Inhoud toevoegen',
    `<p><a href="/">← Terug naar de cursus</a> · ingelogd als ${person.label}</p><iframe title="Leerplein" src="${src.replace(/&/g, '&amp;')}"></iframe>`,
  )
})

console.log(`Noord Academy (demo LMS) runs at ${academy.issuer}; the product at ${appUrl}.`)
