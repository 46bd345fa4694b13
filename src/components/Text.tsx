import { Text as InkText } from 'ink';
import type { ComponentProps } from 'react';

/** NO_COLOR (no-color.org): no colours at all; bold, inverse and the markers still show what is chosen. */
const plain = Boolean(process.env.NO_COLOR);

/** ink's Text, without colour when the user asked for none. */
export function Text({ color, backgroundColor, ...rest }: ComponentProps<typeof InkText>) {
  return plain ? <InkText {...rest} /> : <InkText color={color} backgroundColor={backgroundColor} {...rest} />;
}
