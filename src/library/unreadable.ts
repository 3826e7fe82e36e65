/** Thrown by a parser when a file cannot become a work; its message is the reason shown to the operator. */
export class UnreadableWork extends Error {
  override name = 'UnreadableWork';
}
