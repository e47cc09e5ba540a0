// A SCORM 1.2 SCO for the Leerplein tests: finds the LMS's API object the way the ADL
// algorithm describes (this window, its parents, then the opener and its parents), keeps
// the step it is at in cmi.core.lesson_location and reports a passed score when finished.
;(function () {
  var status = document.getElementById('status')
  var api = null

  function findApiIn(win) {
    var tries = 0
    while (win && !win.API && win.parent && win.parent !== win && tries < 500) {
      tries += 1
      win = win.parent
    }
    return win && win.API ? win.API : null
  }

  function getApi() {
    var found = findApiIn(window)
    if (!found && window.opener) found = findApiIn(window.opener)
    return found
  }

  function show(stap) {
    document.getElementById('stap-1').hidden = stap === '2'
    document.getElementById('stap-2').hidden = stap !== '2'
  }

  api = getApi()
  if (!api) {
    status.textContent = 'Geen verbinding met de leeromgeving (SCORM API niet gevonden).'
    return
  }
  if (String(api.LMSInitialize('')) !== 'true') {
    status.textContent = 'De leeromgeving start niet (LMSInitialize mislukt).'
    return
  }
  var location = api.LMSGetValue('cmi.core.lesson_location')
  if (location) {
    status.textContent = 'Verder waar je was: stap ' + location + '.'
    show(location)
  } else {
    status.textContent = 'Welkom: je begint bij stap 1.'
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete')
    show('1')
  }

  document.getElementById('volgende').addEventListener('click', function () {
    api.LMSSetValue('cmi.core.lesson_location', '2')
    api.LMSSetValue('cmi.suspend_data', 'stap=2')
    api.LMSCommit('')
    show('2')
    status.textContent = 'Stap 2 van 2.'
  })

  document.getElementById('afronden').addEventListener('click', function () {
    api.LMSSetValue('cmi.core.lesson_location', '2')
    api.LMSSetValue('cmi.suspend_data', 'stap=2;klaar=ja')
    api.LMSSetValue('cmi.core.score.min', '0')
    api.LMSSetValue('cmi.core.score.max', '100')
    api.LMSSetValue('cmi.core.score.raw', '80')
    api.LMSSetValue('cmi.core.lesson_status', 'passed')
    api.LMSCommit('')
    api.LMSFinish('')
    status.textContent = 'Afgerond: je score is 80. Goed gedaan!'
  })
})()
