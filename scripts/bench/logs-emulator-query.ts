/** The "users needing attention" question as the emulator benchmark asks it (the app's canned query may word it differently). */
export const ATTENTION_QUERY = [
  'filter message.riskLevel in ["HIGH", "MEDIUM"] or message.riskDecision in ["ACCOUNT_TAKEOVER", "BLOCK"]',
  '  or message.compromisedCredentialDetected = "true" or message.eventResponse = "Fail"',
  '| stats count(*) as events, sum(message.riskLevel = "HIGH") as high, sum(message.riskDecision != "PASS") as risky,',
  '  latest(message.ipAddress) as lastIp, latest(@timestamp) as last by message.userName',
  '| sort high desc, risky desc, events desc | limit 100',
].join(' ');
