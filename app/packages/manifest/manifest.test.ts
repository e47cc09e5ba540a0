import { describe, expect, test } from 'vitest'
import { formatProblem } from '#app/content/content-error.ts'
import { findManifest, parseManifest } from './detect.ts'

/** Parse a manifest text as if it were at the root of a zip holding `files`. */
function parse(file: string, text: string, files: string[] = ['index.html']) {
  const names = [file, ...files]
  const found = findManifest(names)!
  return parseManifest(found, new TextEncoder().encode(text), new Set(names))
}
function problems(file: string, text: string, files?: string[]) {
  const outcome = parse(file, text, files)
  if (outcome.ok) throw new Error('expected problems')
  return outcome.problems.map(formatProblem)
}

const SCORM12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xml:base="">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Gesprekken voeren</title>
      <item identifier="hoofdstuk">
        <title>Hoofdstuk 1</title>
        <item identifier="sco_1" identifierref="r1" parameters="?taal=nl">
          <title>Luisteren</title>
          <adlcp:masteryscore>70</adlcp:masteryscore>
        </item>
        <item identifier="uitleg" identifierref="asset"><title>Uitleg</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" xml:base="sco1/" href="start%20les.html?x=1"/>
    <resource identifier="asset" type="webcontent" adlcp:scormtype="asset" href="uitleg.html"/>
  </resources>
</manifest>`

const SCORM2004 = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="b">
    <organization identifier="a"><title>Niet deze</title></organization>
    <organization identifier="b">
      <title>Klachten</title>
      <item identifier="k1" identifierref="r1">
        <title>Klacht 1</title>
        <imsss:sequencing><imsss:objectives>
          <imsss:primaryObjective satisfiedByMeasure="true">
            <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
          </imsss:primaryObjective>
        </imsss:objectives></imsss:sequencing>
      </item>
      <item identifier="k2" identifierref="r2"><title>Klacht 2</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="deel2/index.html#start"/>
  </resources>
</manifest>`

const CMI5 = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://leerplein.example/cmi5/coachen">
    <title><langstring lang="en-US">Coaching</langstring><langstring lang="nl-NL">Coachen op de vloer</langstring></title>
    <description><langstring lang="nl-NL">Kort</langstring></description>
  </course>
  <block id="https://leerplein.example/cmi5/coachen/blok1">
    <title><langstring lang="nl-NL">Blok 1</langstring></title>
    <au id="https://leerplein.example/cmi5/coachen/au1" moveOn="CompletedAndPassed" masteryScore="0.75" launchMethod="OwnWindow">
      <title><langstring lang="nl-NL">Feedback geven</langstring></title>
      <description><langstring lang="nl-NL">x</langstring></description>
      <url>au1/index.html</url>
      <launchParameters>{"niveau":2}</launchParameters>
    </au>
  </block>
  <au id="https://leerplein.example/cmi5/coachen/au2">
    <title><langstring lang="nl-NL">Doorvragen</langstring></title>
    <description><langstring lang="nl-NL">y</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>`

describe('SCORM 1.2', () => {
  test('a SCO inside a nested item, with xml:base, parameters and the mastery score', () => {
    const outcome = parse('imsmanifest.xml', SCORM12, [
      'content/sco1/start les.html',
      'uitleg.html',
    ])
    expect(outcome).toEqual({
      ok: true,
      manifest: {
        standard: 'scorm12',
        title: 'Gesprekken voeren',
        file: 'imsmanifest.xml',
        activities: [
          {
            identifier: 'sco_1',
            title: 'Luisteren',
            launchPath: 'content/sco1/start les.html',
            launchParameters: '?x=1&taal=nl',
            masteryScore: 70,
            moveOn: null,
            launchMethod: null,
            line: 10,
          },
        ],
      },
    })
  })

  test('a missing launch file, a wrong mastery score and a dangling reference name their lines', () => {
    const broken = SCORM12.replace('>70<', '>zeventig<').replace(
      'identifierref="asset"',
      'identifierref="weg"',
    )
    expect(problems('imsmanifest.xml', broken, [])).toEqual([
      'imsmanifest.xml:19:5 the launch file "content/sco1/start les.html" is not in the zip',
      'imsmanifest.xml:14:9 item "uitleg" refers to resource "weg", which the manifest does not have',
    ])
    expect(problems('imsmanifest.xml', broken, ['content/sco1/start les.html'])).toEqual([
      'imsmanifest.xml:12:11 adlcp:masteryscore "zeventig" is not a number from 0 to 100',
      'imsmanifest.xml:14:9 item "uitleg" refers to resource "weg", which the manifest does not have',
    ])
  })

  test('external, absolute and escaping launch references are refused', () => {
    const at = (href: string) =>
      problems('imsmanifest.xml', SCORM12.replace('href="start%20les.html?x=1"', `href="${href}"`))
    expect(at('https://cdn.example.com/les.html')).toEqual([
      'imsmanifest.xml:19:5 "https://cdn.example.com/les.html" is an external URL; a package may only launch its own files',
    ])
    expect(at('/les.html')).toEqual([
      'imsmanifest.xml:19:5 "/les.html" is an absolute path; use a path relative to the package',
    ])
    expect(at('../../../etc/passwd')).toEqual([
      'imsmanifest.xml:19:5 "../../../etc/passwd" points outside the package',
    ])
    expect(at('javascript:alert(1)')).toEqual([
      'imsmanifest.xml:19:5 "javascript:alert(1)" is an external URL; a package may only launch its own files',
    ])
  })

  test('a manifest without a SCO, and XML that is not well-formed', () => {
    expect(
      problems('imsmanifest.xml', SCORM12.replace('scormtype="sco"', 'scormtype="asset"')),
    ).toEqual([
      'imsmanifest.xml:6:5 the organization has no item that launches a SCO (adlcp:scormtype="sco")',
    ])
    expect(
      problems(
        'imsmanifest.xml',
        SCORM12.replace('</title>\n          <adlcp', '</titel>\n          <adlcp'),
      ),
    ).toEqual(['imsmanifest.xml:11:34 not well-formed XML: unexpected close tag'])
  })

  test('entities are never expanded: a DOCTYPE that declares one is refused where it is used', () => {
    const bomb = SCORM12.replace(
      '<manifest',
      '<!DOCTYPE manifest [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<manifest',
    ).replace('<title>Luisteren</title>', '<title>&lol2;</title>')
    expect(problems('imsmanifest.xml', bomb, ['content/sco1/start les.html'])).toEqual([
      'imsmanifest.xml:12:23 not well-formed XML: undefined entity',
    ])
  })
})

describe('SCORM 2004', () => {
  test('the default organization, scormType, fragments and minNormalizedMeasure', () => {
    const outcome = parse('imsmanifest.xml', SCORM2004, ['index.html', 'deel2/index.html'])
    expect(outcome.ok && outcome.manifest.standard).toBe('scorm2004')
    expect(outcome.ok && outcome.manifest.title).toBe('Klachten')
    expect(
      outcome.ok &&
        outcome.manifest.activities.map((a) => [
          a.identifier,
          a.launchPath,
          a.launchParameters,
          a.masteryScore,
        ]),
    ).toEqual([
      ['k1', 'index.html', null, 80],
      ['k2', 'deel2/index.html', '#start', null],
    ])
  })

  test('a bad measure and a missing file', () => {
    expect(
      problems('imsmanifest.xml', SCORM2004.replace('>0.8<', '>1.5<'), ['index.html']),
    ).toEqual([
      'imsmanifest.xml:13:13 minNormalizedMeasure "1.5" is not a number from 0 to 1',
      'imsmanifest.xml:22:5 the launch file "deel2/index.html" is not in the zip',
    ])
  })
})

describe('cmi5', () => {
  test('AUs in and outside blocks, with moveOn, masteryScore, launchMethod and parameters', () => {
    const outcome = parse('cmi5.xml', CMI5, ['index.html', 'au1/index.html'])
    expect(outcome).toEqual({
      ok: true,
      manifest: {
        standard: 'cmi5',
        title: 'Coachen op de vloer',
        file: 'cmi5.xml',
        activities: [
          {
            identifier: 'https://leerplein.example/cmi5/coachen/au1',
            title: 'Feedback geven',
            launchPath: 'au1/index.html',
            launchParameters: '{"niveau":2}',
            masteryScore: 75,
            moveOn: 'CompletedAndPassed',
            launchMethod: 'OwnWindow',
            line: 9,
          },
          {
            identifier: 'https://leerplein.example/cmi5/coachen/au2',
            title: 'Doorvragen',
            launchPath: 'index.html',
            launchParameters: null,
            masteryScore: null,
            moveOn: 'NotApplicable',
            launchMethod: 'AnyWindow',
            line: 16,
          },
        ],
      },
    })
  })

  test('an AU hosted elsewhere, a bad moveOn and no AU at all', () => {
    expect(
      problems(
        'cmi5.xml',
        CMI5.replace('<url>au1/index.html</url>', '<url>https://vendor.example/au1</url>').replace(
          '<au id="https://leerplein.example/cmi5/coachen/au2">',
          '<au id="https://leerplein.example/cmi5/coachen/au2" moveOn="Altijd">',
        ),
      ),
    ).toEqual([
      'cmi5.xml:12:7 AU "https://leerplein.example/cmi5/coachen/au1" is launched from "https://vendor.example/au1", outside the package; only AUs inside the zip can be played here',
      'cmi5.xml:16:3 moveOn "Altijd" is not one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable',
    ])
    expect(
      problems('cmi5.xml', CMI5.replace(/<block[\s\S]*<\/courseStructure>/, '</courseStructure>')),
    ).toEqual(['cmi5.xml:3:3 the course has no <au>'])
  })
})

test('a zip with one top folder is read from that folder; no manifest at all is not found', () => {
  expect(findManifest(['pakket/imsmanifest.xml', 'pakket/index.html'])).toEqual({
    file: 'pakket/imsmanifest.xml',
    folder: 'pakket',
  })
  expect(findManifest(['index.html'])).toBeNull()
})

test('trainers read the problems in Dutch, with the location kept', async () => {
  const { localizePackageProblem } = await import('../package-problems.ts')
  expect(
    localizePackageProblem(
      'imsmanifest.xml:19:5 the launch file "index.html" is not in the zip',
      'nl',
    ),
  ).toBe('imsmanifest.xml:19:5 het startbestand "index.html" staat niet in de zip')
  expect(localizePackageProblem('the zip holds 5001 entries; at most 5000', 'nl')).toBe(
    'het zip-bestand bevat 5001 bestanden; hoogstens 5000',
  )
  expect(localizePackageProblem('the zip holds 5001 entries; at most 5000', 'en')).toBe(
    'the zip holds 5001 entries; at most 5000',
  )
})
