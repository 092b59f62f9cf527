/**
 * A minimal reader of ASN.1 DER, enough for PKCS#12 files (src/config/pkcs12.ts). Node's TLS takes a PKCS#12
 * file only as a client identity (`pfx`, which needs a private key); a Java truststore holds certificates only,
 * so perf-test reads those itself.
 */

/** A malformed or unsupported encoding. */
export class DerError extends Error {}

/** One element: its tag byte and its content bytes. */
export interface DerNode {
  readonly tag: number;
  readonly content: Uint8Array;
}

export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  OCTET_STRING_CONSTRUCTED: 0x24,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [0] EXPLICIT (constructed). */
  CONTEXT_0: 0xa0,
  /** [0] IMPLICIT of a primitive type. */
  CONTEXT_0_PRIMITIVE: 0x80,
} as const;

/** Reads the element at `offset`; returns it and the offset after it. */
export function readNode(bytes: Uint8Array, offset = 0): { node: DerNode; next: number } {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new DerError('truncated');
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  let pos = offset + 2;
  let length = lengthByte;
  if (lengthByte === 0x80) throw new DerError('indefinite lengths (BER) are not supported');
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new DerError('length too large');
    length = 0;
    for (let k = 0; k < count; k++) {
      lengthByte = bytes[pos++];
      if (lengthByte === undefined) throw new DerError('truncated');
      length = length * 256 + lengthByte;
    }
  }
  const end = pos + length;
  if (end > bytes.length) throw new DerError('truncated');
  return { node: { tag, content: bytes.subarray(pos, end) }, next: end };
}

/** Reads one element that must have the given tag and fill `bytes`. */
export function readOnly(bytes: Uint8Array, tag: number, what: string): DerNode {
  const { node, next } = readNode(bytes);
  expectTag(node, tag, what);
  if (next !== bytes.length) throw new DerError(`trailing bytes after ${what}`);
  return node;
}

/** The elements inside a constructed element (a SEQUENCE, a SET, an explicit tag). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const { node: child, next } = readNode(node.content, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined) throw new DerError(`${what} is missing`);
  if (node.tag !== tag) throw new DerError(`${what} has tag 0x${node.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return node;
}

/** The bytes of an OCTET STRING, joining the parts of a constructed one (BER, as some exporters write). */
export function octets(node: DerNode | undefined, what: string): Uint8Array {
  if (node === undefined) throw new DerError(`${what} is missing`);
  if (node.tag === TAG.OCTET_STRING || node.tag === TAG.CONTEXT_0_PRIMITIVE) return node.content;
  if (node.tag === TAG.OCTET_STRING_CONSTRUCTED || node.tag === TAG.CONTEXT_0) {
    return Buffer.concat(children(node).map((c) => octets(c, what)));
  }
  throw new DerError(`${what} is not an OCTET STRING`);
}

/** An OBJECT IDENTIFIER in dotted form. */
export function oid(node: DerNode | undefined, what: string): string {
  const { content } = expectTag(node, TAG.OID, what);
  const first = content[0];
  if (first === undefined) throw new DerError(`${what} is empty`);
  const parts = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))];
  let value = 0;
  for (let k = 1; k < content.length; k++) {
    const b = content[k]!;
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** A small non-negative INTEGER (iteration counts, versions, key lengths). */
export function integer(node: DerNode | undefined, what: string): number {
  const { content } = expectTag(node, TAG.INTEGER, what);
  if (content.length === 0 || content.length > 6) throw new DerError(`${what} is out of range`);
  let value = 0;
  for (const b of content) value = value * 256 + b;
  return value;
}
