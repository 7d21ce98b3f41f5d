// English catalogue. Typed against zh-CN so a missing key fails the type check.
import type zhCN from './zh-CN.ts';

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type Messages = Catalogue<typeof zhCN>;

const enUS: Messages = {
  app: { name: 'Tuijin', fullName: 'Tuijin · Key Project Platform', subtitle: 'Key Project Platform' },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', add: 'Add', remove: 'Remove', confirm: 'OK', back: 'Back',
    reload: 'Reload', search: 'Search', reset: 'Reset', loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No',
    actions: 'Actions', saved: 'Saved', more: 'More', all: 'All', close: 'Close', loadMore: 'Load more',
    unit: { wan: '10k CNY', yi: '100M CNY', mu: 'mu', tce: 'tce', kva: 'kVA', people: 'people' },
    required: 'Please enter {{field}}', selectRequired: 'Please select {{field}}',
    moneyInvalid: 'Enter an amount in 10k CNY, e.g. 12500 or 1.2亿', notFound: 'Page not found', notFoundHint: 'The page does not exist or has been removed.',
    backHome: 'Back to ledger', forbidden: 'You may not open this page',
  },
  lang: { label: 'Language', 'zh-CN': '中文', 'en-US': 'English' },
  menu: {
    cockpit: 'Cockpit', map: 'War map', gantt: 'Schedules', bulletins: 'Bulletins', ledger: 'Ledger', reports: 'Progress reports', periods: 'Reporting periods', stats: 'Statistics', cards: 'Cards', supervision: 'Supervision', problems: 'Roadblocks', batches: 'Batch events', leaders: 'Lead leaders', import: 'Import ledger', users: 'Users', audit: 'Audit log',
    account: 'Account', changePassword: 'Change password', tokens: 'API tokens', logout: 'Sign out', openMenu: 'Open menu',
  },
  auth: {
    title: 'Sign in', welcome: 'Key Project Platform', username: 'Username', password: 'Password', login: 'Sign in',
    usernameRequired: 'Please enter your username', passwordRequired: 'Please enter your password', locked: 'Account locked',
    loggedOut: 'Signed out', sessionExpired: 'Your session has expired, please sign in again', footer: 'File cards · Ledger · Full-lifecycle follow-through',
  },
  errors: {
    title: 'Request failed', network: 'Network error, please check your connection and retry', unknown: 'Unexpected error ({{status}})',
    conflict: 'Someone else changed this project; reload and try again', fieldsTitle: 'Please check:', forbidden: 'You may not do this',
    loadFailed: 'Failed to load', row: 'Row {{row}}',
  },
  enum: {
    stage: {
      reserve: 'Reserve', preparation: 'Preparation', started: 'Started', construction: 'Building',
      completed: 'Completed', production: 'Producing', paused: 'Paused', withdrawn: 'Withdrawn',
    },
    level: { provincial: 'Provincial', municipal: 'Municipal', county: 'County' },
    category: { industrial: 'Industrial', infrastructure: 'Infrastructure', social: 'Social' },
    industry: {
      chemicals: 'Chemicals & new materials', equipment: 'Machine tools & equipment', new_energy: 'Batteries & new energy',
      food: 'Food processing', semiconductors: 'Semiconductors', digital: 'Digital economy', agriculture: 'Modern agriculture',
      logistics: 'Logistics', tourism: 'Culture & tourism', infrastructure: 'Infrastructure', livelihood: 'Social livelihood', other: 'Other',
    },
    role: {
      admin: 'Administrator', office: 'Project office', unit: 'Responsible unit', owner: 'Project owner', leader: 'Lead leader',
      department: 'Department', viewer: 'Viewer', auditor: 'Auditor',
    },
    batchKind: { groundbreaking: 'Groundbreaking', signing: 'Signing' },
    season: { spring: 'Spring', summer: 'Summer', autumn: 'Autumn', winter: 'Winter' },
    teamRole: { leader: 'Lead leader', specialist: 'Specialist', member: 'Team member', contact: 'Contact' },
    factorKind: {
      land: 'Land', energy: 'Energy', funding: 'Funding', power: 'Power', water: 'Water', labour: 'Labour',
      environment: 'Environmental capacity', other: 'Other',
    },
    factorStatus: { pending: 'Pending', in_progress: 'In progress', satisfied: 'Satisfied' },
    procedureStatus: { pending: 'Not started', in_progress: 'In progress', done: 'Done', not_required: 'Not required' },
    milestoneKind: { start: 'Start', completion: 'Completion', production: 'Production', other: 'Other' },
    fundSource: { government: 'Government', specialBonds: 'Special bonds', bankLoans: 'Bank loans', selfRaised: 'Self-raised', other: 'Other' },
    reserveGrade: { A: 'A (mature)', B: 'B (maturing)', C: 'C (planning)' },
    orgKind: { government: 'Government', department: 'Department', enterprise: 'Enterprise', park: 'Park' },
  },
  field: {
    code: 'Code', name: 'Name', regionCode: 'Region', regionName: 'Region', level: 'Level',
    category: 'Category', industry: 'Industry', stage: 'Stage', stageDate: 'Stage date', pausedFrom: 'Paused from',
    totalInvestment: 'Total investment', annualPlan: 'Annual plan', fundSources: 'Fund sources', plannedStart: 'Planned start',
    plannedCompletion: 'Planned completion', plannedProduction: 'Planned production', actualStart: 'Actual start', actualCompletion: 'Actual completion',
    actualProduction: 'Actual production', leaderId: 'Lead leader', leaderName: 'Lead leader', responsibleUnitId: 'Responsible unit',
    responsibleUnit: 'Responsible unit', ownerId: 'Owner', owner: 'Owner', constructionContent: 'Construction content',
    address: 'Address', longitude: 'Longitude', latitude: 'Latitude', coordinates: 'Coordinates', reserveGrade: 'Reserve grade',
    targetYear: 'Target year', tags: 'Tags', batchIds: 'Batches', version: 'Version', createdAt: 'Created',
    updatedAt: 'Updated', plannedInvestment: 'Planned investment', monthly: 'Monthly split', mustStart: 'Must start this year',
    mustComplete: 'Must complete this year', mustProduce: 'Must produce this year', personId: 'Person', role: 'Role', duty: 'Duty',
    orgName: 'Organisation', phone: 'Phone', status: 'Status', plannedDate: 'Planned date', actualDate: 'Actual date',
    baselineDate: 'Baseline date', documentNo: 'Document no.', authority: 'Authority', kind: 'Kind', quantity: 'Quantity',
    unit: 'Unit', description: 'Description', responsible: 'Responsible', note: 'Note', date: 'Date', to: 'Change to',
  },
  ledger: {
    title: 'Project ledger', searchPlaceholder: 'Search name, code, owner or pinyin initials', region: 'Region', level: 'Level',
    category: 'Category', industry: 'Industry', stage: 'Stage', leader: 'Lead leader', unit: 'Responsible unit', batch: 'Batch event',
    tag: 'Tag', investment: 'Total investment (10k CNY)', minInvestment: 'Investment from', maxInvestment: 'Investment to', moreFilters: 'More filters', lessFilters: 'Fewer filters',
    clearFilters: 'Clear filters', export: 'Export Excel', create: 'New project', columns: 'Columns', columnsReset: 'Default columns',
    totalsCount: 'Projects', totalsInvestment: 'Total investment', totalsAnnual: '{{year}} planned investment', countValue: '{{count}}',
    empty: 'No projects match the filters', annualColumn: '{{year}} plan', pageTotal: '{{total}} projects', openCard: 'Open the file of {{name}}',
  },
  card: {
    title: 'Project file', subtitle: 'Project file card', edit: 'Edit project', stageChange: 'Change stage', stageChangeTitle: 'Change stage: {{name}}',
    stageTo: 'Change to', stageDate: 'Date', stageNote: 'Note', stageNoteRequired: 'Please describe the stage change',
    noAllowedStages: 'No further stage change is possible', stageChanged: 'Stage changed to {{stage}}', since: 'since {{date}}',
    tabs: {
      basic: 'Basics', team: 'Team & contacts', procedures: 'Procedures', factors: 'Factor needs', milestones: 'Milestones',
      annual: 'Annual plan', batches: 'Batch events', history: 'History',
    },
    basic: { facts: 'Overview', dates: 'Planned and actual dates', funds: 'Fund sources', fundsTotal: 'Fund sources total', amount: 'Amount', people: 'Responsibility', transitions: 'Stage changes', noCoordinates: 'Not set', actual: 'actual' },
    rows: { empty: 'Nothing yet — click "Edit" to add', addRow: 'Add row', count: '{{count}} rows', saved: '{{tab}} saved' },
    team: { name: 'Name', leaderHint: 'The lead leader is set under "Basics"; maintain the special team and contacts here' },
    procedures: { name: 'Procedure', progress: '{{done}} of {{total}} done', addUsual: 'Add the usual procedures' },
    factors: { unitHint: 'Default by kind' },
    milestones: { name: 'Milestone', overdue: 'Overdue', key: 'Key milestone', delay: '{{days}} days behind baseline' },
    annual: {
      year: 'Year', plannedInvestment: 'Planned investment (10k CNY)', splitMonthly: 'Split by month', month: 'M{{month}}',
      cumulative: 'Cumulative', sumCheckOk: 'Monthly total {{sum}} matches the plan', sumCheckBad: 'Monthly total {{sum}} differs from the plan {{plan}} (by {{diff}})',
      targets: 'Targets', sumMustMatch: 'The months must add up to the planned investment', noPlan: 'No plan for {{year}} yet', saved: 'Plan for {{year}} saved',
    },
    batches: { empty: 'Not in any batch event', mainVenue: 'Main venue', eventDate: 'Event date', open: 'Open batch' },
    history: {
      empty: 'No changes recorded', who: 'User', when: 'Time', action: 'Action', changes: 'Changes', noFieldChanges: '—',
      rowsChange: '{{before}} rows → {{after}} rows', loadOlder: 'Load older', empty_value: '(empty)',
      actions: {
        create: 'Created', update: 'Updated', stage: 'Stage change', team: 'Team changed', procedures: 'Procedures updated', factors: 'Factor needs updated',
        milestones: 'Milestones updated', annual: 'Annual plan updated', import: 'Ledger import', batch: 'Batch changed', delete: 'Deleted',
      },
    },
  },
  form: {
    createTitle: 'New project', editTitle: 'Edit project: {{name}}', basic: 'Basics', investment: 'Investment and funds',
    schedule: 'Planned dates', responsibility: 'Responsibility', location: 'Location', other: 'Other',
    initialStage: 'Initial stage', typeToCreate: 'You may type a new name', tagsPlaceholder: 'Type and press Enter to add a tag',
    created: 'Project created', saved: 'Project saved', conflictTitle: 'Save conflict', reloadLatest: 'Reload latest',
    invalidRange: '{{field}} out of range', startBeforeCompletion: 'Planned completion cannot be before planned start',
    fundsExceed: 'Fund sources total {{sum}} exceeds total investment {{total}}',
  },
  select: {
    region: 'Select region', org: 'Select or search an organisation', person: 'Select or search a leader', batch: 'Select batch', tags: 'Select tags',
    newItem: 'New: {{name}}',
  },
  shell: { regionLabel: 'Region', roleLabel: 'Role', placeholder: 'This page is under construction', demoClock: 'Demo data · system date {{date}}', demoClockShort: 'Demo {{date}}', demoClockHint: 'The demo database describes the city on this day: deadlines, overdue marks, escalation and default dates count from it; the time of day runs as usual.' },
};

export default enUS;
