// Saves a reflective log as the author writes: a few seconds after they stop typing, and at once when the
// tab is hidden or closed, so at most the last few seconds are ever lost. Without JavaScript the Save
// button does the same job. A save the server refuses (the log was signed off or changed meanwhile) stops
// autosaving and says why; the author's text stays in the form, never replaced.
const form = document.querySelector('form[data-autosave]')

if (form) {
  const url = form.dataset.autosave
  const version = form.querySelector('[data-autosave-version]')
  const status = document.getElementById('autosave-status')
  const quietMilliseconds = 3000
  let timer = null
  let dirty = false
  let saving = null
  let stopped = false

  const say = (text) => { if (status) status.textContent = text }

  const save = async (leaving) => {
    if (!dirty || stopped) return
    if (saving) { await saving; if (!dirty) return }
    dirty = false
    const body = new FormData(form)
    // Asking for JSON gets every refusal as { message }, text the server could not read included.
    saving = fetch(url, { method: 'POST', body, credentials: 'same-origin', keepalive: leaving, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        // The session had ended: the server kept the text for the author, to show them after they sign in.
        if (response.redirected || response.status === 401) {
          stopped = true
          document.dispatchEvent(new CustomEvent('app:signed-out'))
          say('You have been signed out. What you typed is kept for you: sign in again to get it back.')
          return
        }
        if (response.ok) {
          document.dispatchEvent(new CustomEvent('app:session-renewed'))
          const saved = await response.json()
          version.value = saved.version
          say('Saved at ' + new Date(saved.savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }))
          return
        }
        const refused = await response.json().catch(() => ({}))
        if (response.status === 409) {
          stopped = true
          say((refused.message || 'This log has changed elsewhere.') + ' Your text is still here: press Save to see your options.')
        } else {
          dirty = true
          say(refused.message || 'Your latest changes could not be saved. Press Save to try again.')
        }
      })
      .catch(() => {
        dirty = true
        say('You seem to be offline: your latest changes are not saved yet. They will be saved when the connection returns.')
      })
      .finally(() => { saving = null })
    await saving
  }

  form.addEventListener('input', () => {
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(() => save(false), quietMilliseconds)
  })
  // A submit carries the same text, so no autosave may race it; and if one is on its way, the submit waits
  // for it (and its new version number) rather than being refused as out of date.
  form.addEventListener('submit', async (event) => {
    clearTimeout(timer)
    if (saving && !form.dataset.resubmitting) {
      event.preventDefault()
      await saving
      form.dataset.resubmitting = 'true'
      form.requestSubmit(event.submitter)
      return
    }
    dirty = false
    stopped = true
  })
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(true) })
  window.addEventListener('pagehide', () => save(true))
  window.addEventListener('online', () => save(false))
}
