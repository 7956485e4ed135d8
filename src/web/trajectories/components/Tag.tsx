import { Badge, type MantineSize } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A small label with a coloured dot. The text keeps the body colour, so it stays readable on
 * any background whatever the colour; the text is never cut off.
 */
export function Tag({ color, size, children }: { color: string; size?: MantineSize; children: ReactNode }) {
  return (
    <Badge
      color={color}
      variant="dot"
      size={size}
      style={{ flexShrink: 0, maxWidth: "100%", height: "auto" }}
      styles={{ root: { overflow: "visible" }, label: { overflow: "visible", whiteSpace: "normal" } }}
    >
      {children}
    </Badge>
  );
}
