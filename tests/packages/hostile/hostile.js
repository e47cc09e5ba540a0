// A hostile package for the sandbox's tests (decision 031). Each attempt writes its outcome
// into its own element: "GELUKT: …" when it got through, "geblokkeerd: …" when it did not.
;(function () {
  var platform = new URL(location.href).origin
  var show = function (id, text) {
    document.getElementById(id).textContent = text
  }
  var blocked = function (id) {
    return function (error) {
      show(id, 'geblokkeerd: ' + (error && error.name ? error.name + ' ' + error.message : error))
    }
  }

  // a. The platform's cookies (the session cookie is HttpOnly anyway; the sandbox makes the
  //    document's origin opaque: reading document.cookie throws, or, behind our in-memory
  //    stand-in (app/packages/sandbox-shims.ts), shows only what the page itself set).
  try {
    var cookies = document.cookie
    show('cookie', cookies ? 'GELUKT: ' + cookies : 'geblokkeerd: geen cookies zichtbaar')
  } catch (error) {
    blocked('cookie')(error)
  }

  // b. A page of the platform, with the learner's session.
  fetch(platform + '/dashboard', { credentials: 'include' })
    .then(function (response) {
      return response.text().then(function (text) {
        var signedIn = /uitloggen|log out|dashboard/i.test(text) && response.ok
        show(
          'dashboard',
          signedIn ? 'GELUKT: ' + text.slice(0, 80) : 'geblokkeerd: HTTP ' + response.status,
        )
      })
    })
    .catch(blocked('dashboard'))

  // c. The player page around the frame.
  try {
    var title = parent.document.title
    var where = top.location.href
    show('parent', 'GELUKT: ' + title + ' ' + where)
  } catch (error) {
    blocked('parent')(error)
  }

  // d. A statement about another learner, with a forged credential.
  fetch(platform + '/xapi/statements', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
      Authorization: 'Basic ' + btoa('vervalst:vervalst'),
    },
    body: JSON.stringify({
      actor: { objectType: 'Agent', mbox: 'mailto:iemand.anders@noord.demo.test' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'nl-NL': 'geslaagd' } },
      object: { objectType: 'Activity', id: 'https://example.test/activiteit' },
    }),
  })
    .then(function (response) {
      show(
        'statement',
        response.ok ? 'GELUKT: HTTP ' + response.status : 'geblokkeerd: HTTP ' + response.status,
      )
    })
    .catch(blocked('statement'))

  // e. Another launch's files: the same path under another content token.
  var parts = location.pathname.split('/')
  var token = parts[2] || ''
  var other = token.slice(0, -1) + (token.slice(-1) === 'A' ? 'B' : 'A')
  fetch(platform + '/package-content/' + other + '/index.html')
    .then(function (response) {
      return response.text().then(function (text) {
        show(
          'other',
          response.ok ? 'GELUKT: ' + text.slice(0, 80) : 'geblokkeerd: HTTP ' + response.status,
        )
      })
    })
    .catch(blocked('other'))
})()
