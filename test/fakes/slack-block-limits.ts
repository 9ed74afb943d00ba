/**
 * Slack's published Block Kit limits, written out independently of src/ so a wrong constant there cannot hide
 * a real violation. Total blocks JSON: Slack's cap is undocumented (`msg_blocks_too_long` near 13k), we hold 12k.
 */
const LIMITS = {
  messageText: 40_000,
  blocks: 50,
  blocksJson: 12_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
  tableRows: 100,
  tableCells: 20,
  tableCellText: 2_000,
  tablesPerMessage: 1,
};

type Json = Record<string, unknown>;

const KNOWN_BLOCKS = new Set([
  "section",
  "context",
  "actions",
  "header",
  "divider",
  "table",
  "rich_text",
  "markdown",
  "image",
]);

function textOf(value: unknown): string | undefined {
  const object = value as Json | undefined;
  return typeof object?.text === "string" ? object.text : undefined;
}

function checkTextObject(where: string, value: unknown, max: number, problems: string[]): void {
  const object = value as Json | undefined;
  if (!object || (object.type !== "mrkdwn" && object.type !== "plain_text")) {
    problems.push(`${where}: not a text object`);
    return;
  }
  const text = textOf(object) ?? "";
  if (text.length === 0) problems.push(`${where}: empty text`);
  if (text.length > max) problems.push(`${where}: ${text.length} chars > ${max}`);
}

function checkTable(where: string, block: Json, problems: string[]): void {
  const rows = block.rows as unknown[][] | undefined;
  if (!Array.isArray(rows) || rows.length === 0) return void problems.push(`${where}: table without rows`);
  if (rows.length > LIMITS.tableRows) problems.push(`${where}: ${rows.length} rows > ${LIMITS.tableRows}`);
  const width = rows[0].length;
  rows.forEach((row, index) => {
    if (row.length > LIMITS.tableCells)
      problems.push(`${where}.rows[${index}]: ${row.length} cells > ${LIMITS.tableCells}`);
    if (row.length !== width)
      problems.push(`${where}.rows[${index}]: ${row.length} cells, first row has ${width}`);
    for (const cell of row as Json[]) {
      if (cell.type === "raw_text") {
        const text = textOf(cell) ?? "";
        if (text.length < 1 || text.length > LIMITS.tableCellText)
          problems.push(`${where}.rows[${index}]: raw_text of ${text.length} chars`);
      } else if (cell.type !== "rich_text")
        problems.push(`${where}.rows[${index}]: cell type ${String(cell.type)}`);
    }
  });
  const settings = block.column_settings as unknown[] | undefined;
  if (settings && settings.length > LIMITS.tableCells)
    problems.push(`${where}: ${settings.length} column_settings`);
}

function checkActions(where: string, block: Json, actionIds: Set<string>, problems: string[]): void {
  const elements = (block.elements as Json[] | undefined) ?? [];
  if (elements.length === 0 || elements.length > LIMITS.actionsElements)
    problems.push(`${where}: ${elements.length} elements`);
  elements.forEach((element, index) => {
    const at = `${where}.elements[${index}]`;
    if (element.type === "button") {
      checkTextObject(`${at}.text`, element.text, LIMITS.buttonText, problems);
      const value = element.value as string | undefined;
      if (value !== undefined && value.length > LIMITS.buttonValue)
        problems.push(`${at}: value of ${value.length} chars`);
    }
    const actionId = element.action_id as string | undefined;
    if (actionId !== undefined) {
      if (actionId.length > LIMITS.actionId) problems.push(`${at}: action_id too long`);
      if (actionIds.has(actionId)) problems.push(`${at}: duplicate action_id ${actionId}`);
      actionIds.add(actionId);
    }
  });
}

function checkBlock(where: string, block: Json, actionIds: Set<string>, problems: string[]): void {
  if (!KNOWN_BLOCKS.has(String(block.type)))
    problems.push(`${where}: unknown block type ${String(block.type)}`);
  const blockId = block.block_id as string | undefined;
  if (blockId !== undefined && blockId.length > LIMITS.blockId) problems.push(`${where}: block_id too long`);
  if (block.type === "section") {
    if (block.text === undefined && block.fields === undefined)
      problems.push(`${where}: section without text or fields`);
    if (block.text !== undefined) checkTextObject(`${where}.text`, block.text, LIMITS.sectionText, problems);
    const fields = (block.fields as unknown[] | undefined) ?? [];
    if (fields.length > LIMITS.sectionFields) problems.push(`${where}: ${fields.length} fields`);
    fields.forEach((field, index) => {
      checkTextObject(`${where}.fields[${index}]`, field, LIMITS.fieldText, problems);
    });
  } else if (block.type === "header") {
    checkTextObject(`${where}.text`, block.text, LIMITS.headerText, problems);
  } else if (block.type === "context") {
    const elements = (block.elements as unknown[] | undefined) ?? [];
    if (elements.length === 0 || elements.length > LIMITS.contextElements)
      problems.push(`${where}: ${elements.length} elements`);
    elements.forEach((element, index) => {
      checkTextObject(`${where}.elements[${index}]`, element, LIMITS.sectionText, problems);
    });
  } else if (block.type === "actions") {
    checkActions(where, block, actionIds, problems);
  } else if (block.type === "table") {
    checkTable(where, block, problems);
  }
}

/** Every way the message breaks Slack's limits (empty when it is fine). */
export function blockKitViolations(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = typeof message.text === "string" ? message.text : "";
  if (text.length > LIMITS.messageText) problems.push(`text: ${text.length} chars > ${LIMITS.messageText}`);
  if (message.blocks === undefined) {
    if (text.length === 0) problems.push("message without text or blocks");
    return problems;
  }
  if (!Array.isArray(message.blocks)) return ["blocks: not an array"];
  const blocks = message.blocks as Json[];
  if (blocks.length > LIMITS.blocks) problems.push(`blocks: ${blocks.length} > ${LIMITS.blocks}`);
  const size = JSON.stringify(blocks).length;
  if (size > LIMITS.blocksJson) problems.push(`blocks: ${size} chars of JSON > ${LIMITS.blocksJson}`);
  const tables = blocks.filter((block) => block.type === "table").length;
  if (tables > LIMITS.tablesPerMessage) problems.push(`blocks: ${tables} tables in one message`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    const blockId = block.block_id as string | undefined;
    if (blockId !== undefined) {
      if (blockIds.has(blockId)) problems.push(`blocks[${index}]: duplicate block_id ${blockId}`);
      blockIds.add(blockId);
    }
    checkBlock(`blocks[${index}]`, block, actionIds, problems);
  });
  return problems;
}
