import type { Role } from '@shoutu/domain';

/**
 * Demo accounts (labelled demo, created only in demo mode). Grounds use real region codes of
 * Lianyungang; departments are named by key so the seed can link them.
 */
export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  regionCodes: string[];
  department?: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '演示·系统管理员', roles: ['system_admin'], regionCodes: ['320700'], description: '系统管理员（用户、单位、配置） / system admin' },
  { username: 'secadmin', displayName: '演示·安全管理员', roles: ['security_admin'], regionCodes: ['320700'], description: '安全管理员 / security admin' },
  { username: 'auditor', displayName: '演示·审计管理员', roles: ['audit_admin'], regionCodes: ['320700'], description: '审计管理员（只读审计日志） / audit admin' },
  { username: 'leader', displayName: '演示·市领导', roles: ['city_leader'], regionCodes: ['320700'], description: '市领导，全市 / city leader, whole city' },
  { username: 'yingji', displayName: '演示·市应急管理局', roles: ['department_regulator'], regionCodes: ['320700'], department: 'city-emergency', description: '市应急管理局监管人员 / city emergency management bureau' },
  { username: 'haizhou', displayName: '演示·海州区干部', roles: ['district_officer'], regionCodes: ['320706'], description: '海州区 320706 / Haizhou district officer' },
  { username: 'lianyun', displayName: '演示·连云区干部', roles: ['district_officer'], regionCodes: ['320703'], description: '连云区 320703 / Lianyun district officer' },
  // Field accounts: the seed narrows their ground to a demo grid and a demo enterprise once those exist.
  { username: 'grid', displayName: '演示·网格员', roles: ['grid_worker'], regionCodes: ['320706'], description: '海州区一个社区的网格员 / grid worker of one Haizhou community' },
  { username: 'checkpoint', displayName: '演示·连云港站卡口', roles: ['checkpoint_officer'], regionCodes: ['320700'], description: '连云港站卡口工作人员 / railway station checkpoint officer' },
  { username: 'qiye', displayName: '演示·企业安全员', roles: ['enterprise_officer'], regionCodes: ['320706'], description: '海州区一家演示企业的安全员 / safety officer of one demo enterprise' },
];
