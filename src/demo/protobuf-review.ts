import { badRequest } from "./api-status.js";

/** Length-delimited fields of one protobuf message, by field number (the last occurrence wins). */
function readFields(buffer: Buffer): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (offset >= buffer.length) throw badRequest("truncated protobuf body");
      const byte = buffer[offset++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  };
  while (offset < buffer.length) {
    const key = varint();
    const wireType = key & 7;
    if (wireType === 0) varint();
    else if (wireType === 2) {
      const length = varint();
      fields.set(Math.floor(key / 8), buffer.subarray(offset, offset + length));
      offset += length;
    } else if (wireType === 1) offset += 8;
    else if (wireType === 5) offset += 4;
    else throw badRequest(`unsupported protobuf wire type ${wireType}`);
  }
  return fields;
}

function strings(message: Buffer | undefined, names: string[]): Record<string, string> {
  const fields = message ? readFields(message) : new Map<number, Buffer>();
  return Object.fromEntries(names.map((name, i) => [name, fields.get(i + 1)?.toString("utf8") ?? ""]));
}

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * The spec of a SelfSubjectAccessReview or SelfSubjectRulesReview sent as
 * `application/vnd.kubernetes.protobuf` (kubectl auth can-i does), as the JSON shape.
 */
export function decodeReviewSpec(body: Buffer, kind: string): { spec: Record<string, unknown> } {
  if (!body.subarray(0, 4).equals(magic)) throw badRequest("protobuf body without the k8s envelope");
  const review = readFields(readFields(body.subarray(4)).get(2) ?? Buffer.alloc(0));
  const spec = readFields(review.get(2) ?? Buffer.alloc(0));
  if (kind === "selfsubjectrulesreviews") return { spec: { namespace: spec.get(1)?.toString("utf8") ?? "" } };
  if (spec.get(1)) {
    const attrs = strings(spec.get(1), [
      "namespace",
      "verb",
      "group",
      "version",
      "resource",
      "subresource",
      "name",
    ]);
    return { spec: { resourceAttributes: attrs } };
  }
  if (spec.get(2)) return { spec: { nonResourceAttributes: strings(spec.get(2), ["path", "verb"]) } };
  return { spec: {} };
}
