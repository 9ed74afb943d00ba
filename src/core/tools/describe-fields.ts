import { z } from "zod";

/** What a question about one attribute of one object may ask for (TOOLS.md, `describe_resource` `fields`). */
export const DESCRIBE_FIELDS = [
  "image",
  "resources",
  "node",
  "ip",
  "ports",
  "replicas",
  "labels",
  "annotations",
  "probes",
  "env",
  "volumes",
  "owner",
  "schedule",
  "conditions",
  "taints",
] as const;

export type DescribeField = (typeof DESCRIBE_FIELDS)[number];

export const describeFieldsArg = z.array(z.enum(DESCRIBE_FIELDS)).optional().describe("What was asked about");
