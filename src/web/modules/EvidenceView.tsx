import { Anchor, Image } from "@mantine/core";
import type { EvidenceKind } from "../../domain/modules/api";
import { evidenceUrl } from "./model";

/** The evidence handed in with an assignment: a photo is shown, a PDF is offered as a download. */
export function EvidenceView(props: {
  assignmentId: string;
  kind: EvidenceKind | null;
  photoAlt: string;
  pdfLabel: string;
  width: number;
}) {
  if (props.kind === "photo")
    return <Image src={evidenceUrl(props.assignmentId)} alt={props.photoAlt} maw={props.width} radius="sm" />;
  if (props.kind === "pdf")
    return (
      <Anchor href={evidenceUrl(props.assignmentId)} download size="sm">
        {props.pdfLabel}
      </Anchor>
    );
  return null;
}
