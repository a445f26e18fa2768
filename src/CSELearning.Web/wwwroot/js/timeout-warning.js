// The idle-timeout warning (GOV.UK / HMRC timeout-warning pattern): a little before the session would end, a modal
// dialog says how long is left and offers "Stay signed in" (which renews the session without leaving the page) or
// "Sign out". Focus moves into the dialog and comes back to where it was; Escape means stay signed in. When the time
// runs out the dialog says so, and that what was typed on the page is still there and will be kept when it is sent.
// The server says how long is left and when to warn, on the dialog's data attributes.
const dialog = document.getElementById('timeout-warning')

if (dialog && typeof dialog.showModal === 'function') {
  const warningSeconds = Number(dialog.dataset.warningSeconds)
  const idleSeconds = Number(dialog.dataset.idleSeconds)
  const warningState = dialog.querySelector('[data-timeout-state="warning"]')
  const endedState = dialog.querySelector('[data-timeout-state="ended"]')
  const countdown = dialog.querySelector('[data-timeout-countdown]')
  const announcement = dialog.querySelector('[data-timeout-announcement]')
  const stayForm = dialog.querySelector('[data-timeout-stay]')
  const closeButton = dialog.querySelector('[data-timeout-close]')
  let deadline = 0
  let warnTimer = null
  let tick = null
  let returnFocus = null
  let ended = false
  let lastAnnounced = null

  dialog.setAttribute('tabindex', '-1')

  const describe = (seconds) => {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60)
      return minutes + (minutes === 1 ? ' minute' : ' minutes')
    }
    return seconds + (seconds === 1 ? ' second' : ' seconds')
  }

  const secondsLeft = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000))

  // The visible countdown changes every second; what a screen reader hears changes sparingly: when the dialog
  // opens, at each whole minute, and at 30 seconds.
  const update = () => {
    const left = secondsLeft()
    if (left === 0) { end(); return }
    countdown.textContent = describe(left)
    const minuteMark = left >= 60 && left % 60 === 0
    if (lastAnnounced === null || minuteMark || left === 30) {
      lastAnnounced = left
      announcement.textContent = 'We will sign you out in ' + describe(left)
    }
  }

  const open = () => {
    if (!dialog.open) {
      returnFocus = document.activeElement
      lastAnnounced = null
      update()
      dialog.showModal()
      dialog.focus()
    }
    clearInterval(tick)
    tick = setInterval(update, 1000)
  }

  const close = () => {
    clearInterval(tick)
    if (dialog.open) dialog.close()
    if (returnFocus && typeof returnFocus.focus === 'function' && document.contains(returnFocus)) returnFocus.focus()
    returnFocus = null
  }

  const arm = (seconds) => {
    ended = false
    deadline = Date.now() + seconds * 1000
    clearTimeout(warnTimer)
    warnTimer = setTimeout(open, Math.max(0, (seconds - warningSeconds) * 1000))
  }

  function end () {
    clearInterval(tick)
    clearTimeout(warnTimer)
    ended = true
    warningState.hidden = true
    endedState.hidden = false
    dialog.setAttribute('aria-labelledby', 'timeout-ended-title')
    dialog.removeAttribute('aria-describedby')
    if (!dialog.open) {
      returnFocus = document.activeElement
      dialog.showModal()
    }
    dialog.focus()
  }

  const stay = async () => {
    const body = new URLSearchParams(new FormData(stayForm))
    try {
      const response = await fetch(stayForm.action, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
      })
      if (!response.ok) { end(); return }
      const renewed = await response.json()
      close()
      arm(Number(renewed.secondsLeft))
    } catch {
      end()
    }
  }

  stayForm.addEventListener('submit', (event) => {
    event.preventDefault()
    stay()
  })
  // Escape: stay signed in (or, once signed out, back to the page).
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    if (ended) close(); else stay()
  })
  closeButton.addEventListener('click', close)
  // Another script's request (an autosave) renewed the session: time the warning again from now.
  document.addEventListener('app:session-renewed', () => { if (!dialog.open) arm(idleSeconds) })
  document.addEventListener('app:signed-out', () => { if (!ended) end() })

  arm(Number(dialog.dataset.secondsLeft))
}
