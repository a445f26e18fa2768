// Saves a long form as the person writes: a few seconds after they stop typing, and at once when the tab is
// hidden or closed, so at most the last few seconds are ever lost. Used by every form marked data-autosave (its
// value is the address to post to): a reflective log, a supervision record, a supervisor's review comments, an
// author's replies. Without JavaScript each form's own button does the same job. A save the server refuses (the
// form changed elsewhere meanwhile) stops autosaving that form and says why; the text stays in the form, never
// replaced. Before any form on the page is submitted, the others' unsaved text is saved first.
const forms = Array.from(document.querySelectorAll('form[data-autosave]')).filter((form) => form.dataset.autosave)
const quietMilliseconds = 3000

const autosavers = forms.map((form) => {
  const url = form.dataset.autosave
  const version = form.querySelector('[data-autosave-version]')
  const status = document.getElementById(form.dataset.autosaveStatus || 'autosave-status')
  let timer = null
  let dirty = false
  let saving = null
  let stopped = false

  const say = (text) => { if (status) status.textContent = text }

  // A supervision record's new action rows have ids once saved: the form names them from then on, so the next
  // save changes those actions rather than adding them again. A row the save removed loses its id.
  const nameActions = (ids) => {
    if (!Array.isArray(ids)) return
    ids.forEach((id, index) => {
      const name = `Actions[${index}].Id`
      let input = form.querySelector(`input[name="${name}"]`)
      if (id && !input) {
        input = document.createElement('input')
        input.type = 'hidden'
        input.name = name
        form.appendChild(input)
      }
      if (id) input.value = id
      else if (input) input.remove()
    })
  }

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
          if (version) version.value = saved.version
          nameActions(saved.actions)
          say('Saved at ' + new Date(saved.savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }))
          return
        }
        const refused = await response.json().catch(() => ({}))
        if (response.status === 409) {
          stopped = true
          say((refused.message || 'This has changed elsewhere.') + ' Your text is still here: press the button below it to save it.')
        } else {
          dirty = true
          say(refused.message || 'Your latest changes could not be saved. Press the button below them to try again.')
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
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(true) })
  window.addEventListener('pagehide', () => save(true))
  window.addEventListener('online', () => save(false))

  return {
    form,
    save,
    get saving () { return saving },
    get pending () { return (dirty && !stopped) || saving !== null },
    // This form is being submitted: its own text goes with it, so no autosave may race it.
    submitting () { clearTimeout(timer); dirty = false; stopped = true },
  }
})

// A submit waits for any save on its way (and its new version number) rather than being refused as out of date,
// and first saves the text of every other form on the page, which the next page would not show otherwise.
document.addEventListener('submit', async (event) => {
  const form = event.target
  if (form.dataset.resubmitting) return
  const own = autosavers.find((a) => a.form === form)
  const others = autosavers.filter((a) => a.form !== form)
  if (!own?.saving && !others.some((a) => a.pending)) { own?.submitting(); return }
  event.preventDefault()
  if (own) { own.submitting(); await own.saving }
  await Promise.all(others.map((a) => a.save(false)))
  form.dataset.resubmitting = 'true'
  form.requestSubmit(event.submitter)
})
