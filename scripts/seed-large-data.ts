/** mulberry32: a small seeded generator, so the same seed gives the same bank. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = [
  [
    "north",
    "华北分行",
    "North China Branch",
    ["东城", "西城", "朝阳", "海淀", "丰台", "通州", "顺义", "昌平"],
  ],
  ["west", "西南分行", "South-west Branch", ["锦江", "青羊", "武侯", "成华", "金牛", "高新", "天府", "双流"]],
  [
    "central",
    "华中分行",
    "Central China Branch",
    ["江岸", "江汉", "硚口", "汉阳", "武昌", "洪山", "青山", "光谷"],
  ],
  ["ne", "东北分行", "North-east Branch", ["和平", "沈河", "大东", "皇姑", "铁西", "浑南", "于洪", "苏家屯"]],
  ["nw", "西北分行", "North-west Branch", ["新城", "碑林", "莲湖", "雁塔", "灞桥", "未央", "阎良", "临潼"]],
  ["zj", "浙江分行", "Zhejiang Branch", ["上城", "拱墅", "西湖", "滨江", "萧山", "余杭", "临平", "钱塘"]],
  ["js", "江苏分行", "Jiangsu Branch", ["玄武", "秦淮", "建邺", "鼓楼", "栖霞", "雨花台", "江宁", "浦口"]],
  ["sd", "山东分行", "Shandong Branch", ["历下", "市中", "槐荫", "天桥", "历城", "长清", "章丘", "济阳"]],
  ["fj", "福建分行", "Fujian Branch", ["鼓楼", "台江", "仓山", "马尾", "晋安", "长乐", "闽侯", "连江"]],
  ["hn", "河南分行", "Henan Branch", ["中原", "二七", "管城", "金水", "上街", "惠济", "郑东", "航空港"]],
] as const;

export type LargeBranch = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  parentId: string;
  path: string;
  leaf: boolean;
};

/** Ten 分行 under the head office, each with eight 支行 (the demo's 华东 and 华南 come from the demo seed). */
export function branchTree(_random: () => number): LargeBranch[] {
  const rows: LargeBranch[] = [];
  for (const [key, name, nameEn, subs] of REGIONS) {
    const id = `br-${key}`;
    rows.push({
      id,
      code: key.toUpperCase(),
      name,
      nameEn,
      parentId: "br-hq",
      path: `/br-hq/${id}/`,
      leaf: false,
    });
    subs.forEach((sub, i) => {
      const child = `${id}-${i + 1}`;
      rows.push({
        id: child,
        code: `${key.toUpperCase()}-${i + 1}`,
        name: `${sub}支行`,
        nameEn: `${nameEn.replace(" Branch", "")} Sub-branch ${i + 1}`,
        parentId: id,
        path: `/br-hq/${id}/${child}/`,
        leaf: true,
      });
    });
  }
  return rows;
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁琳晨辰雪梅鑫欣怡婷晶颖佳慧";

export function personName(random: () => number): string {
  const s = SURNAMES[Math.floor(random() * SURNAMES.length)] as string;
  const g = () => GIVEN[Math.floor(random() * GIVEN.length)] as string;
  return random() < 0.6 ? `${s}${g()}${g()}` : `${s}${g()}`;
}
