/**
 * Industry codes of GB/T 4754-2017 "Industrial classification for national economic activities"
 * (国民经济行业分类), as amended by No. 1 of 2019. The standard codes a section (门类) by a letter
 * and a division (大类) by two digits; registers commonly write the division with its section
 * letter in front (C26), which is the form stored here, so that a code's prefix is its parent.
 *
 * This is a working subset: all 20 sections and the divisions met most in the work-safety register
 * of a coastal city with chemical parks and ports (Lianyungang). An enterprise of another division
 * is registered under its section until the division is added here.
 */
export interface Industry {
  code: string;
  name: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'A03', name: '畜牧业' },
  { code: 'A04', name: '渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'B06', name: '煤炭开采和洗选业' },
  { code: 'B07', name: '石油和天然气开采业' },
  { code: 'B08', name: '黑色金属矿采选业' },
  { code: 'B09', name: '有色金属矿采选业' },
  { code: 'B10', name: '非金属矿采选业' },
  { code: 'C', name: '制造业' },
  { code: 'C13', name: '农副食品加工业' },
  { code: 'C14', name: '食品制造业' },
  { code: 'C15', name: '酒、饮料和精制茶制造业' },
  { code: 'C17', name: '纺织业' },
  { code: 'C22', name: '造纸和纸制品业' },
  { code: 'C25', name: '石油、煤炭及其他燃料加工业' },
  { code: 'C26', name: '化学原料和化学制品制造业' },
  { code: 'C27', name: '医药制造业' },
  { code: 'C28', name: '化学纤维制造业' },
  { code: 'C29', name: '橡胶和塑料制品业' },
  { code: 'C30', name: '非金属矿物制品业' },
  { code: 'C31', name: '黑色金属冶炼和压延加工业' },
  { code: 'C32', name: '有色金属冶炼和压延加工业' },
  { code: 'C33', name: '金属制品业' },
  { code: 'C34', name: '通用设备制造业' },
  { code: 'C35', name: '专用设备制造业' },
  { code: 'C36', name: '汽车制造业' },
  { code: 'C37', name: '铁路、船舶、航空航天和其他运输设备制造业' },
  { code: 'C38', name: '电气机械和器材制造业' },
  { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'D44', name: '电力、热力生产和供应业' },
  { code: 'D45', name: '燃气生产和供应业' },
  { code: 'D46', name: '水的生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'E47', name: '房屋建筑业' },
  { code: 'E48', name: '土木工程建筑业' },
  { code: 'E49', name: '建筑安装业' },
  { code: 'E50', name: '建筑装饰、装修和其他建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'F51', name: '批发业' },
  { code: 'F52', name: '零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'G53', name: '铁路运输业' },
  { code: 'G54', name: '道路运输业' },
  { code: 'G55', name: '水上运输业' },
  { code: 'G57', name: '管道运输业' },
  { code: 'G58', name: '多式联运和运输代理业' },
  { code: 'G59', name: '装卸搬运和仓储业' },
  { code: 'G60', name: '邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'H61', name: '住宿业' },
  { code: 'H62', name: '餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'K70', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'N76', name: '水利管理业' },
  { code: 'N77', name: '生态保护和环境治理业' },
  { code: 'N78', name: '公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
];
