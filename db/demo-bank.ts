/** The demo bank: a head office, two 分行 and six 支行, with the documented demo accounts. */
export const DEMO_PASSWORD = "Demo@2026";

export const DEMO_BRANCHES = [
  { id: "br-hq", code: "HQ", name: "总行", nameEn: "Head Office", parent: null },
  { id: "br-east", code: "EAST", name: "华东分行", nameEn: "East China Branch", parent: "br-hq" },
  { id: "br-south", code: "SOUTH", name: "华南分行", nameEn: "South China Branch", parent: "br-hq" },
  {
    id: "br-east-jingan",
    code: "EAST-JA",
    name: "静安支行",
    nameEn: "Jing'an Sub-branch",
    parent: "br-east",
  },
  { id: "br-east-pudong", code: "EAST-PD", name: "浦东支行", nameEn: "Pudong Sub-branch", parent: "br-east" },
  { id: "br-east-xuhui", code: "EAST-XH", name: "徐汇支行", nameEn: "Xuhui Sub-branch", parent: "br-east" },
  {
    id: "br-south-tianhe",
    code: "SOUTH-TH",
    name: "天河支行",
    nameEn: "Tianhe Sub-branch",
    parent: "br-south",
  },
  {
    id: "br-south-futian",
    code: "SOUTH-FT",
    name: "福田支行",
    nameEn: "Futian Sub-branch",
    parent: "br-south",
  },
  {
    id: "br-south-nanshan",
    code: "SOUTH-NS",
    name: "南山支行",
    nameEn: "Nanshan Sub-branch",
    parent: "br-south",
  },
] as const;

/** The demo learner is seeded as hired this many days ago, so their onboarding is under way, not overdue. */
export const DEMO_LEARNER = "E1001";
export const DEMO_LEARNER_HIRED_DAYS_AGO = 10;
/**
 * A learner one step from the certificate: every chapter, the listening and complaint role-plays and
 * the exam passed, the greeting role-play never played. Playing it (≥ 70%) issues the certificate.
 */
export const DEMO_ONE_SHORT = { employeeNo: "E1006", missingScenario: "greeting" } as const;

export const DEMO_ACCOUNTS = [
  {
    employeeNo: "E1001",
    name: "王晓明",
    role: "learner",
    branchId: "br-east-jingan",
    email: "wang.xiaoming@demo-bank.cn",
  },
  {
    employeeNo: "E2001",
    name: "陈静怡",
    role: "trainer",
    branchId: "br-hq",
    email: "chen.jingyi@demo-bank.cn",
  },
  {
    employeeNo: "E3001",
    name: "李国华",
    role: "manager",
    branchId: "br-east",
    email: "li.guohua@demo-bank.cn",
  },
  {
    employeeNo: "E3002",
    name: "赵丽萍",
    role: "manager",
    branchId: "br-south",
    email: "zhao.liping@demo-bank.cn",
  },
  {
    employeeNo: "E9001",
    name: "周建军",
    role: "admin",
    branchId: "br-hq",
    email: "zhou.jianjun@demo-bank.cn",
  },
] as const;

const LEARNER_NAMES = [
  "张伟",
  "刘洋",
  "陈思远",
  "杨静",
  "黄磊",
  "赵敏",
  "吴婷婷",
  "周杰",
  "徐丽",
  "孙浩然",
  "马晓燕",
  "朱文博",
  "胡佳怡",
  "郭子涵",
  "何雨欣",
  "高志强",
  "林晓峰",
  "罗婉清",
  "郑凯",
  "梁诗雨",
  "谢宇航",
  "宋佳琪",
  "唐明辉",
  "许梦瑶",
  "韩雪",
  "冯志远",
  "邓欣怡",
  "曹俊杰",
  "彭晓东",
  "曾静雯",
];

const SUB_BRANCHES = DEMO_BRANCHES.filter((b) => b.code.includes("-")).map((b) => b.id);

export const DEMO_LEARNERS = LEARNER_NAMES.map((name, i) => ({
  employeeNo: `E${1002 + i}`,
  name,
  role: "learner" as const,
  branchId: SUB_BRANCHES[i % SUB_BRANCHES.length] as string,
  email: null,
  hireDate: `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
}));
