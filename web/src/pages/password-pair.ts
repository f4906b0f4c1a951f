import { field, h } from '../dom';

/** A new password and its confirmation, with the API's minimum; the check that they match is the form's. */
export function passwordPair(label: string) {
  const first = h('input', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const again = h('input', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const check = () => again.setCustomValidity(again.value === first.value ? '' : 'The two passwords differ.');
  first.addEventListener('input', check);
  again.addEventListener('input', check);
  return { first, again, fields: [field(label, first, 'at least 12 characters'), field(`${label} again`, again)] };
}
