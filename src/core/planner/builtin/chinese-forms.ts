// Traditional characters and Taiwan/Hong Kong terms, folded to the simplified forms the vocabulary is written in.
// Only characters a question about a cluster plausibly uses; the rest pass through unchanged.
const TRADITIONAL_TERMS: readonly [string, string][] = [
  ["記憶體", "内存"],
  ["叢集", "集群"],
  ["資訊", "信息"],
  ["伺服器", "服务器"],
  ["程式", "程序"],
];
const TRADITIONAL_CHARS =
  "節节點点間间務务組组誌志為为麼么啟启啓启個个記记憶忆體体狀状態态況况刪删鑰钥進进詳详細细資资問问題题嗎吗時时顯显誤误錯错裡里裏里們们這这與与環环儲储聲声設设據据庫库擴扩縮缩滾滚動动標标籤签簽签註注執执驅驱輸输匯汇導导誰谁會会發发見见幫帮請请給给計计歷历異异級级別别內内應应開开關关閉闭網网絡络帳账號号戶户憑凭證证碼码權权負负載载護护將将從从後后舊旧條条鐘钟兩两幾几數数實实種种類类機机東东滿满壓压盤盘佔占處处於于經经過过還还沒没斷断報报紀纪錄录屬属結结構构單单調调試试測测診诊檢检總总覽览觀观運运轉转線线復复換换鏡镜裝装創创編编輯辑殺杀終终銷销毀毁離离鎖锁傳传遞递複复製制貝贝讓让煩烦謝谢聯联繫系係系佈布獲获難难憂忧掛挂潰溃訊讯僅仅當当則则達达門门際际隊队雙双層层讀读寫写變变紅红黃黄綠绿藍蓝閘闸頁页頭头長长臺台週周價价錢钱額额備备歲岁億亿萬万該该辦办議议決决";
const TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_CHARS.length; i += 2)
  TRADITIONAL.set(TRADITIONAL_CHARS[i], TRADITIONAL_CHARS[i + 1]);
const TRADITIONAL_CHAR = new RegExp(`[${[...TRADITIONAL.keys()].join("")}]`, "g");

/** 查看所有節點 → 查看所有节点; 記憶體 → 内存. */
export function toSimplified(text: string): string {
  let folded = text;
  for (const [from, to] of TRADITIONAL_TERMS) folded = folded.replaceAll(from, to);
  return folded.replace(TRADITIONAL_CHAR, (char) => TRADITIONAL.get(char) ?? char);
}

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
// A numeral with a place (十, 百, 千) before what it counts: 五十行, 两百条, 三十分钟, 十五行. Bare 一/两 stay
// as they are: 一直, 一下 and 两个 are words, and the vocabulary reads 一小时 and 两小时 itself.
const COMPOUND_NUMERAL =
  /[零〇一二两三四五六七八九十百千]*[十百千][零〇一二两三四五六七八九十百千]*(?=\s*(行|条|分钟|小时|个小时|个钟头|钟头|天|秒|个|次|日志|log))/g;

/** 最近五十行 → 最近50行, 过去三十分钟 → 过去30分钟. */
export function chineseNumeralsToDigits(text: string): string {
  return text.replace(COMPOUND_NUMERAL, (numeral) => {
    const value = numeralValue(numeral);
    return value === undefined ? numeral : String(value);
  });
}

function numeralValue(numeral: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const char of numeral) {
    if (char === "零" || char === "〇") continue;
    if (char in DIGITS) {
      if (digit !== undefined) return undefined;
      digit = DIGITS[char];
    } else {
      total += (digit ?? 1) * UNITS[char];
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

// Chinese kind names that embed the English word Pod (the Kubernetes docs' Pod 干扰预算, 水平 Pod 自动扩缩):
// the Latin word would split the name and read as a second kind, so it is dropped inside these names.
const POD_INSIDE_KIND_NAME =
  /(水平\s*)?pods?\s*(?=中断预算|干扰预算|水平自动扩缩|水平扩缩|自动扩缩|自动伸缩|安全策略)/gi;

/** Pod中断预算 → 中断预算, 水平Pod自动扩缩器 → 水平自动扩缩器. */
export function foldMixedKindNames(text: string): string {
  return text.replace(POD_INSIDE_KIND_NAME, (_match, horizontal?: string) => (horizontal ? "水平" : ""));
}
