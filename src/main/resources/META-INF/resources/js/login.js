// The login page: logging in is a plain form post to the form login (works without JavaScript); signing up creates
// the account through the API and then logs in with the same form.
import { api } from './api.js';
import { $, param } from './ui.js';

const loginError = $('#login-error');
const signupError = $('#signup-error');

if (param('error')) {
  loginError.textContent = 'Wrong username or password. Check both and try again, or create an account.';
  loginError.hidden = false;
}
if (param('loggedOut')) {
  $('#notice').textContent = 'You are logged out.';
  $('#notice').hidden = false;
}

$('#signup-form').addEventListener('submit', async event => {
  event.preventDefault();
  signupError.hidden = true;
  const username = $('#signup-username').value.trim();
  const password = $('#signup-password').value;
  const button = $('#signup-submit');
  button.disabled = true;
  try {
    await api('/api/accounts', { method: 'POST', body: { username, password } });
    $('#login-username').value = username;
    $('#login-password').value = password;
    $('#login-form').submit();
  } catch (e) {
    signupError.textContent = e.message;
    signupError.hidden = false;
    button.disabled = false;
    (e.code === 'invalid_password' ? $('#signup-password') : $('#signup-username')).focus();
  }
});
