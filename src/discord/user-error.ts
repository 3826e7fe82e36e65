/** An error whose message is already fit to show the user; the router answers it ephemerally, as is. */
export class UserError extends Error {
  override name = 'UserError';
}
