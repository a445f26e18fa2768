// Kept text: a Copy button beside each field puts its text on the clipboard, ready to paste back into the form.
// Without JavaScript (or a clipboard) the buttons stay hidden and the text can be selected and copied by hand.
const status = document.getElementById('copy-status')

if (navigator.clipboard) {
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.hidden = false
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).textContent
      try {
        await navigator.clipboard.writeText(text)
        status.textContent = 'Copied to the clipboard'
      } catch {
        status.textContent = 'Your browser did not let us copy: select the text and copy it yourself'
      }
    })
  }
}
