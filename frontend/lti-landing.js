// The page after an LTI launch: into the course when the session cookie works here; else (an LMS frame whose
// browser blocks Paperclub's cookie) the offer to continue in a new window, where the cookie is first-party.
const landing = document.getElementById('landing');
const status = document.getElementById('landing-status');
const blocked = document.getElementById('landing-blocked');

function offerNewWindow() {
  status.textContent = '';
  blocked.hidden = false;
  document.getElementById('landing-continue').focus();
}

fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => {
    if (response.ok) {
      status.textContent = 'Opening your course…';
      window.location.replace(landing.dataset.path);
    } else {
      offerNewWindow();
    }
  })
  .catch(offerNewWindow);
