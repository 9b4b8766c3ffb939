/**
 * Field labels in both languages, keyed by `group.field` (list items by `group.field` too, without
 * the index). The renderer's forms and the core's readable revision diff use the same words.
 */
import type { Section } from './dossiers';

type Label = { en: string; 'zh-CN': string };
const l = (en: string, zh: string): Label => ({ en, 'zh-CN': zh });

export const SECTION_LABELS: Record<Section, Label> = {
  basic: l('Basic', '基本信息'),
  classification: l('Classification', '分类'),
  market: l('Market', '市场信息'),
  keyPersons: l('Key persons and contact circle', '关键人物与联络圈'),
  purchasing: l('Purchasing', '采购信息'),
  cooperation: l('Cooperation', '合作概述'),
  finance: l('Finance', '财务信息'),
  maintenancePlan: l('Maintenance plan', '客户维护计划'),
  contactRecords: l('Contact records', '沟通记录'),
  celebrations: l('Celebrations', '庆典活动'),
};

export const FIELD_LABELS: Record<string, Label> = {
  'basic.archiveNumber': l('Archive number', '档案编号'),
  'basic.customerName': l('Customer name', '客户名称'),
  'basic.creditCode': l('Unified social credit code', '统一社会信用代码'),
  'basic.legalRepresentative': l('Legal representative', '法定代表人'),
  'basic.address': l('Address', '地址'),
  'basic.postalCode': l('Postal code', '邮编'),
  'basic.phone': l('Phone', '电话'),
  'basic.fax': l('Fax', '传真'),
  'basic.email': l('Email', '电子邮箱'),
  'basic.website': l('Website', '网址'),
  'basic.businessScope': l('Business scope', '经营范围'),
  'basic.registeredCapital': l('Registered capital', '注册资本'),
  'basic.industry': l('Industry', '所属行业'),
  'basic.scale': l('Scale', '企业规模'),
  'basic.customerType': l('Customer type', '客户类型'),
  'basic.sourceChannel': l('Source channel', '信息来源渠道'),
  'classification.grade': l('Grade', '客户等级'),
  'classification.lifecycle': l('Lifecycle stage', '生命周期阶段'),
  'classification.secrecy': l('Secrecy level', '密级'),
  'classification.responsibleManager': l('Responsible account manager', '负责客户经理'),
  'market.industryReport': l('Industry and market report', '客户行业与市场信息报告'),
  'market.strategicDirection': l('Strategic direction', '战略方向'),
  'market.organisation': l('Organisation and management structure', '组织结构与管理体系'),
  'keyPersons.name': l('Key person: name', '关键人物：姓名'),
  'keyPersons.title': l('Key person: title', '关键人物：职务'),
  'keyPersons.purchaseRole': l('Key person: role in purchase decisions', '关键人物：采购决策角色'),
  'keyPersons.relation': l('Key person: relation', '关键人物：关系'),
  'keyPersons.phone': l('Key person: phone', '关键人物：电话'),
  'keyPersons.email': l('Key person: email', '关键人物：电子邮箱'),
  'keyPersons.im': l('Key person: WeChat/QQ', '关键人物：微信/QQ'),
  'keyPersons.address': l('Key person: address', '关键人物：地址'),
  'keyPersons.birthday': l('Key person: birthday', '关键人物：生日'),
  'keyPersons.family': l('Key person: family', '关键人物：家庭情况'),
  'keyPersons.interests': l('Key person: interests', '关键人物：兴趣爱好'),
  'keyPersons.notes': l('Key person: notes', '关键人物：备注'),
  'purchasing.procedure': l('Purchase procedure', '采购程序'),
  'purchasing.decisionMakers': l('Decision makers', '采购决策人'),
  'purchasing.demandPlan': l('Demand plan', '需求计划'),
  'cooperation.contracts': l('Contracts', '合同'),
  'cooperation.projects': l('Projects', '项目'),
  'cooperation.amounts': l('Amounts', '金额'),
  'cooperation.outcomes': l('Outcomes', '成果'),
  'cooperation.evaluation': l('Evaluation', '评价'),
  'finance.annualPerformance': l('Annual performance', '年度业绩'),
  'finance.financialCondition': l('Financial condition', '财务状况'),
  'finance.creditRating': l('Credit rating', '信用等级'),
  'maintenancePlan.year': l('Plan year', '计划年度'),
  'maintenancePlan.summary': l('Summary', '计划概要'),
  'maintenancePlan.profileSwot': l('Customer profile and SWOT', '客户概况与SWOT分析'),
  'maintenancePlan.competition': l('Competition', '竞争分析'),
  'maintenancePlan.assessment': l('Situation assessment', '形势评估'),
  'maintenancePlan.actionsTargets': l('Actions and targets', '行动与目标'),
  'contactRecords.date': l('Contact: date', '沟通：日期'),
  'contactRecords.person': l('Contact: person', '沟通：对象'),
  'contactRecords.topic': l('Contact: topic', '沟通：主题'),
  'contactRecords.content': l('Contact: content', '沟通：内容'),
  'contactRecords.result': l('Contact: result', '沟通：结果'),
  'contactRecords.openIssues': l('Contact: open issues', '沟通：遗留问题'),
  'contactRecords.nextStep': l('Contact: next step', '沟通：下一步'),
  'contactRecords.expectedResult': l('Contact: expected result', '沟通：预期结果'),
  'contactRecords.resourcesNeeded': l('Contact: resources needed', '沟通：所需资源'),
  'keyPersons.contactClass': l('Key person: contact cadence class', '关键人物：沟通频次类别'),
  'contactRecords.answers': l('Contact: answers callback', '沟通：所回访事项'),
  'celebrations.date': l('Celebration: date', '庆典：日期'),
  'celebrations.kind': l('Celebration: kind', '庆典：类型'),
  'celebrations.title': l('Celebration: title', '庆典：名称'),
  'celebrations.id': l('Celebration: id', '庆典：编号'),
};

/** `keyPersons.1.phone` → the label of `keyPersons.phone` with the item's position (1-based). */
export function fieldLabel(path: string): Label {
  const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const base = FIELD_LABELS[`${m[1]}.${m[3]}`] ?? l(path, path);
    const n = Number(m[2]) + 1;
    return { en: `${base.en} (#${n})`, 'zh-CN': `${base['zh-CN']}（第${n}项）` };
  }
  return FIELD_LABELS[path] ?? l(path, path);
}
