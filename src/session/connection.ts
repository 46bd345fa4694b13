/** How a side stands: connecting, connected to the named organisation or company, or not, and why. */
export interface Connection {
  state: 'connecting' | 'connected' | 'disconnected';
  name?: string;
  reason?: string;
}
