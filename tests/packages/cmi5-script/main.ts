import Cmi5 from '@xapi/cmi5'

/**
 * The test AU: talks to the LMS only through the independent cmi5 library (@xapi/cmi5), so
 * tests prove our LMS/LRS side works with a client we did not write. Bundled into au.js by
 * tests/packages/build-cmi5-au.mjs.
 */
const status = document.querySelector<HTMLElement>('#status')!
const finish = document.querySelector<HTMLButtonElement>('#afronden')!
const stop = document.querySelector<HTMLButtonElement>('#stoppen')!
const show = (text: string) => {
  status.textContent = text
}
const failed = (error: unknown) =>
  show(`Fout: ${error instanceof Error ? error.message : String(error)}`)

async function start() {
  if (!Cmi5.isCmiAvailable) {
    show('Niet gestart vanuit een leeromgeving: de cmi5-gegevens ontbreken.')
    return
  }
  const cmi5 = Cmi5.instance
  await cmi5.initialize()
  show('Gestart.')
  finish.disabled = false
  stop.disabled = false
  finish.addEventListener('click', () => {
    finish.disabled = true
    void (async () => {
      await cmi5.complete()
      await cmi5.pass(0.9)
      show('Afgerond en gehaald met score 90%.')
    })().catch(failed)
  })
  stop.addEventListener('click', () => {
    finish.disabled = true
    stop.disabled = true
    void cmi5
      .terminate()
      .then(() => show('Gestopt. Je kunt dit venster sluiten.'))
      .catch(failed)
  })
}

start().catch(failed)
