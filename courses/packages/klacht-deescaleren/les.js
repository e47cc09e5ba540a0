// A SCORM 2004 (4th edition) SCO for the Leerplein tests: finds API_1484_11 the way the ADL
// algorithm describes (this window, its parents, then the opener and its parents), keeps the
// step in cmi.location, suspends on "Later verder" and reports a passed, completed attempt.
;(function () {
  var status = document.getElementById('status')

  function findApiIn(win) {
    var tries = 0
    while (win && !win.API_1484_11 && win.parent && win.parent !== win && tries < 500) {
      tries += 1
      win = win.parent
    }
    return win && win.API_1484_11 ? win.API_1484_11 : null
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

  var api = getApi()
  if (!api) {
    status.textContent = 'Geen verbinding met de leeromgeving (SCORM API niet gevonden).'
    return
  }
  if (String(api.Initialize('')) !== 'true') {
    status.textContent = 'De leeromgeving start niet (Initialize mislukt).'
    return
  }
  var location = api.GetValue('cmi.location')
  if (location) {
    status.textContent = 'Verder waar je was: stap ' + location + '.'
    show(location)
  } else {
    status.textContent = 'Welkom: je begint bij stap 1.'
    api.SetValue('cmi.completion_status', 'incomplete')
    show('1')
  }

  document.getElementById('volgende').addEventListener('click', function () {
    api.SetValue('cmi.location', '2')
    api.SetValue('cmi.suspend_data', 'stap=2')
    api.Commit('')
    show('2')
    status.textContent = 'Stap 2 van 2.'
  })

  document.getElementById('later').addEventListener('click', function () {
    api.SetValue('cmi.location', '1')
    api.SetValue('cmi.suspend_data', 'stap=1')
    api.SetValue('cmi.exit', 'suspend')
    api.Commit('')
    api.Terminate('')
    status.textContent = 'Bewaard: je gaat later verder bij stap 1.'
  })

  document.getElementById('afronden').addEventListener('click', function () {
    api.SetValue('cmi.location', '2')
    api.SetValue('cmi.suspend_data', 'stap=2;klaar=ja')
    api.SetValue('cmi.score.scaled', '0.9')
    api.SetValue('cmi.score.raw', '90')
    api.SetValue('cmi.score.min', '0')
    api.SetValue('cmi.score.max', '100')
    api.SetValue('cmi.completion_status', 'completed')
    api.SetValue('cmi.success_status', 'passed')
    api.SetValue('cmi.exit', 'normal')
    api.Commit('')
    api.Terminate('')
    status.textContent = 'Afgerond: je score is 90%. Goed gedaan!'
  })
})()
