import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A copy of the real `courses/` folder in a temp dir, with some files edited: tests break the
 * real content, so the checker is proven on what authors actually write.
 */
export function coursesFixture(edits: Record<string, (text: string) => string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'courses-'))
  fs.cpSync('courses', root, { recursive: true })
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(root, file)
    fs.writeFileSync(target, edit(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''))
  }
  return root
}

export const QUIZ = 'tl-k2-coachen/03-coachen/02-quiz-coachen.mdx'
export const LESSON = 'tl-k2-coachen/03-coachen/01-coachingsgesprek.mdx'
