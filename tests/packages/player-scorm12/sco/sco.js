// A tiny SCORM 1.2 SCO for the player's tests: three pages, a suspend on every page turn
// (so a closed tab resumes where it was), and a passed test with a score at the end.
;(function () {
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (win.API) return win.API
      if (win.parent === win) break
      try {
        win = win.parent
      } catch {
        return null
      }
    }
    return null
  }
  var api = findApi(window)
  var show = function (id, text) {
    document.getElementById(id).textContent = text
  }
  if (!api) {
    show('status', 'geen API')
    return
  }
  api.LMSInitialize('')
  var page = Number((api.LMSGetValue('cmi.core.lesson_location') || 'pagina-1').split('-')[1]) || 1
  show('location', 'pagina-' + page)
  show('entry', api.LMSGetValue('cmi.core.entry') || '(leeg)')
  show('learner', api.LMSGetValue('cmi.core.student_name'))
  show('status', api.LMSGetValue('cmi.core.lesson_status'))
  api.LMSSetValue('cmi.core.lesson_status', 'incomplete')
  document.getElementById('next').addEventListener('click', function () {
    page += 1
    api.LMSSetValue('cmi.core.lesson_location', 'pagina-' + page)
    api.LMSSetValue('cmi.suspend_data', 'bezocht=' + page)
    api.LMSSetValue('cmi.core.exit', 'suspend')
    var ok = api.LMSCommit('')
    show('location', 'pagina-' + page)
    show('status', ok === 'true' ? 'opgeslagen' : 'niet opgeslagen: ' + api.LMSGetLastError())
  })
  document.getElementById('finish').addEventListener('click', function () {
    api.LMSSetValue('cmi.core.score.raw', '90')
    api.LMSSetValue('cmi.core.score.max', '100')
    api.LMSSetValue('cmi.core.lesson_status', 'passed')
    api.LMSSetValue('cmi.core.exit', '')
    var ok = api.LMSFinish('')
    show('status', ok === 'true' ? 'afgerond' : 'fout: ' + api.LMSGetLastError())
  })
})()
