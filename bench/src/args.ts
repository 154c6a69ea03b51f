export interface BenchArgs {
  scale: number;
  db: 'sqlite' | 'postgres';
  scenarios: string[] | null;
  connections: number;
  seconds: number;
}

const USAGE = 'npm run bench -- [--scale <n>] [--db sqlite|postgres] [--scenario <name>[,<name>]] [--connections 64] [--seconds 5]';

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { scale: 1, db: 'sqlite', scenarios: null, connections: 64, seconds: 5 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      i += 1;
      return value;
    };
    switch (flag) {
      case '--scale':
        args.scale = Number(need());
        if (!(args.scale > 0)) throw new Error(`--scale must be a positive number\n${USAGE}`);
        break;
      case '--db': {
        const db = need();
        if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db must be sqlite or postgres\n${USAGE}`);
        args.db = db;
        break;
      }
      case '--scenario':
        args.scenarios = [...(args.scenarios ?? []), ...need().split(',')];
        break;
      case '--connections':
        args.connections = Number(need());
        break;
      case '--seconds':
        args.seconds = Number(need());
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown argument ${flag}\n${USAGE}`);
    }
  }
  return args;
}
