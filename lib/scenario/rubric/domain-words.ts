/**
 * Words jieba's general dictionary splits or merges wrongly in a bank branch, added as a user
 * dictionary so they segment as one word. Terms and fixed expressions only: a verb with its
 * complement (查清楚) stays split, so that a rubric's single-character verb (查) still matches.
 */
export const DOMAIN_WORDS = [
  // accounts, cards and money
  "重复扣款",
  "重复请款",
  "安全账户",
  "大额存单",
  "定期存款",
  "活期存款",
  "储蓄卡",
  "借记卡",
  "信用卡",
  "临时额度",
  "信用额度",
  "理财产品",
  "原路退回",
  "退款流程",
  "差错处理",
  "资金清查",
  // paperwork and references
  "受理编号",
  "受理号",
  "受理单",
  "回执单",
  "流水号",
  "工单号",
  "核查申请",
  "交易明细",
  "交易记录",
  "工作日",
  "短信提醒",
  "短信通知",
  // people and places
  "大堂经理",
  "客服热线",
  "公检法",
  // fraud
  "电信诈骗",
  "冒充公检法",
  // counter-service expressions
  "对不住",
  "添麻烦",
  "没问题",
  "没事儿",
  "不要紧",
  "不客气",
  "不放心",
  "窝火",
  "上火",
  "闹心",
  "感同身受",
  "将心比心",
  "负责到底",
  "打包票",
  "百分之百",
  "读研",
  "积蓄",
];
