export { composeEnv, defineEnv, EnvError, readEnv, requireEnv, type DefineEnvOptions, type EnvOf, type EnvParseResult, type EnvPart, type EnvSource } from "./define.ts";
export { envBaseUrl, envFlag, envNodeEnv, envSecret } from "./values.ts";
