/**
 * Fictional companies and people with Chinese names, from syllable and word lists, deterministic
 * for a seed (mulberry32), so the same seed always makes the same archive. Any likeness to a real
 * company is the lists' doing, not the data's.
 */
import type { NewDossier } from '../../contract/dossiers';
import { SOURCE_CHANNELS } from '../../contract/dossiers';

export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickFrom = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '成都',
  '武汉',
  '西安',
  '苏州',
  '天津',
  '重庆',
  '青岛',
  '厦门',
  '宁波',
  '长沙',
  '郑州',
  '合肥',
  '福州',
  '昆明',
  '沈阳',
  '大连',
  '济南',
  '无锡',
];
const SYLLABLES = [
  '华',
  '信',
  '达',
  '通',
  '瑞',
  '恒',
  '泰',
  '宏',
  '新',
  '星',
  '光',
  '明',
  '远',
  '鼎',
  '盛',
  '安',
  '康',
  '博',
  '创',
  '联',
  '海',
  '金',
  '云',
  '天',
  '嘉',
  '睿',
  '航',
  '德',
  '中',
  '立',
  '众',
  '祥',
  '和',
  '润',
  '晟',
  '锦',
  '辰',
  '宇',
  '峰',
  '诚',
];
const TRADES: readonly [string, string][] = [
  ['科技', '信息技术'],
  ['电子', '电子制造'],
  ['机械', '装备制造'],
  ['化工', '化学工业'],
  ['医药', '医药健康'],
  ['物流', '交通物流'],
  ['食品', '食品饮料'],
  ['纺织', '纺织服装'],
  ['建材', '建筑材料'],
  ['能源', '新能源'],
  ['软件', '软件服务'],
  ['通信', '通信设备'],
  ['汽车部件', '汽车制造'],
  ['环保', '节能环保'],
  ['农业', '现代农业'],
  ['贸易', '商贸流通'],
];
const FORMS = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '晓燕',
  '海燕',
  '文',
  '斌',
  '宁',
  '婷',
];
const TITLES = ['总经理', '采购总监', '财务经理', '技术总监', '董事长', '采购经理', '副总裁', '运营总监'];
const ROLES = ['决策者', '影响者', '使用者', '把关者', '发起者'];
const STREETS = ['人民路', '建设路', '解放路', '中山路', '科技园路', '长江路', '黄河路', '高新大道', '创业路', '滨江大道'];

export function personName(rng: Rng): string {
  return pickFrom(rng, SURNAMES) + pickFrom(rng, GIVEN);
}

export function companyName(rng: Rng): { name: string; industry: string; city: string } {
  const city = pickFrom(rng, CITIES);
  const [trade, industry] = pickFrom(rng, TRADES);
  return { name: `${city}${pickFrom(rng, SYLLABLES)}${pickFrom(rng, SYLLABLES)}${trade}${pickFrom(rng, FORMS)}`, industry, city };
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

/** A complete dossier (every ★ field) for a fictional customer. */
export function fictionalDossier(rng: Rng, responsibleLogin: string): NewDossier {
  const { name, industry, city } = companyName(rng);
  const persons = 1 + Math.floor(rng() * 3);
  const r = rng();
  return {
    basic: {
      customerName: name,
      creditCode: `91${digits(rng, 16)}`,
      legalRepresentative: personName(rng),
      address: `${city}市${pickFrom(rng, STREETS)}${1 + Math.floor(rng() * 300)}号`,
      postalCode: digits(rng, 6),
      phone: `0${digits(rng, 2)}-${digits(rng, 8)}`,
      industry,
      scale: pickFrom(rng, ['小型', '中型', '大型']),
      sourceChannel: pickFrom(rng, SOURCE_CHANNELS),
      registeredCapital: `${100 + Math.floor(rng() * 9900)} 万元`,
    },
    classification: {
      grade: r < 0.15 ? 'A' : r < 0.45 ? 'B' : 'C',
      lifecycle: pickFrom(rng, ['potential', 'converting', 'maintained', 'maintained', 'lost'] as const),
      secrecy: pickFrom(rng, ['internal', 'internal', 'secret', 'confidential'] as const),
      responsibleManager: responsibleLogin,
    },
    market: { industryReport: `${industry}行业景气度平稳，客户处于区域领先地位。` },
    keyPersons: Array.from({ length: persons }, () => ({
      name: personName(rng),
      title: pickFrom(rng, TITLES),
      purchaseRole: pickFrom(rng, ROLES),
      phone: `1${digits(rng, 10)}`,
    })),
    finance: { creditRating: pickFrom(rng, ['AAA', 'AA', 'A', 'BBB']) },
  };
}
