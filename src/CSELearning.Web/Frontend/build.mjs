// Builds the site's front-end assets into ../wwwroot and the common-password list into ./out.
// Run by the web project's build (see CSELearning.Web.csproj); nothing it writes is committed.
import { mkdirSync, copyFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'
import { dictionary } from '@zxcvbn-ts/language-common'

const here = dirname(fileURLToPath(import.meta.url))
const wwwroot = join(here, '..', 'wwwroot')
const govuk = join(here, 'node_modules', 'govuk-frontend', 'dist', 'govuk')

function write (path, text) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

const css = sass.compile(join(here, 'styles', 'app.scss'), {
  loadPaths: [join(here, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import']
})
write(join(wwwroot, 'css', 'app.css'), css.css)

mkdirSync(join(wwwroot, 'js', 'govuk'), { recursive: true })
copyFileSync(join(govuk, 'govuk-frontend.min.js'), join(wwwroot, 'js', 'govuk', 'govuk-frontend.min.js'))

// Passwords people most often choose, lower-cased, one a line: the sign-up and password-change
// validators refuse any of them.
const common = [...new Set(dictionary['passwords-common'].map(p => p.toLowerCase()))]
write(join(here, 'out', 'common-passwords.txt'), common.join('\n') + '\n')

console.log(`front end built: app.css ${css.css.length} bytes, ${common.length} common passwords`)
