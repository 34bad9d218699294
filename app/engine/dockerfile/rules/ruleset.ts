/**
 * BuildKit's build checks as Docker 28.5 applies them (moby/buildkit v0.25,
 * frontend/dockerfile/linter/ruleset.go): each rule's name, description, documentation link and
 * message, word for word, and beside them Layerlab's teaching words (`teach`), which say what the
 * rule protects against. The conditions live in the files that run them (parse-rules.ts,
 * from-rules.ts, dispatch-rules.ts), in BuildKit's order.
 */
import { goQuote } from '../gostring.ts';

export interface RuleInfo {
  name: string;
  /** BuildKit's description (printed by `docker --debug build`). */
  description: string;
  /** The rule's page; empty for InvalidBaseImagePlatform, which has none. */
  url: string;
  /** Runs only when `# check=experimental=<name>` (or `all`) asks for it. */
  experimental: boolean;
  /** What the rule protects against, in a learner's words. */
  teach: string;
}

const url = (slug: string) => `https://docs.docker.com/go/dockerfile/rule/${slug}/`;

function rule(
  name: string,
  slug: string,
  description: string,
  teach: string,
  experimental = false,
): RuleInfo {
  return { name, description, url: slug ? url(slug) : '', experimental, teach };
}

export const RULES = {
  StageNameCasing: rule(
    'StageNameCasing',
    'stage-name-casing',
    'Stage names should be lowercase',
    'Docker keeps stage names in lower case. COPY --from finds the stage whatever the case, but a later FROM looks the name up exactly as written, so FROM Builder would look for an image called Builder.',
  ),
  FromAsCasing: rule(
    'FromAsCasing',
    'from-as-casing',
    "The 'as' keyword should match the case of the 'from' keyword",
    'Both spellings work; writing FROM ... AS (or from ... as) keeps the keywords apart from the names around them.',
  ),
  NoEmptyContinuation: rule(
    'NoEmptyContinuation',
    'no-empty-continuation',
    'Empty continuation lines will become errors in a future release',
    'An empty line inside an instruction continued with \\ is skipped today, but a later Dockerfile syntax will refuse it. Remove the empty line, or put a # comment there.',
  ),
  ConsistentInstructionCasing: rule(
    'ConsistentInstructionCasing',
    'consistent-instruction-casing',
    'All commands within the Dockerfile should use the same casing (either upper or lower)',
    'Instructions work in any case; one case throughout makes the file easy to scan. Docker follows the case most instructions already use.',
  ),
  DuplicateStageName: rule(
    'DuplicateStageName',
    'duplicate-stage-name',
    'Stage names should be unique',
    'Two stages with one name: a later FROM or COPY --from can only reach one of them, and it is easy to get the wrong one. Give each stage its own name.',
  ),
  ReservedStageName: rule(
    'ReservedStageName',
    'reserved-stage-name',
    'Reserved words should not be used as stage names',
    'scratch means the empty image and context the build context; a stage with one of those names makes FROM scratch or --from=context ambiguous. Pick another name.',
  ),
  JSONArgsRecommended: rule(
    'JSONArgsRecommended',
    'json-args-recommended',
    'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    'In shell form Docker starts /bin/sh -c "...", so the shell is process 1 and your program its child. docker stop sends SIGTERM to process 1 only; the shell does not pass it on, so Docker waits 10 seconds and kills everything. The exec form, CMD ["program", "arg"], makes your program process 1 so it can stop cleanly.',
  ),
  MaintainerDeprecated: rule(
    'MaintainerDeprecated',
    'maintainer-deprecated',
    'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
    'MAINTAINER only fills a legacy field. A label does the same job in the standard way: LABEL org.opencontainers.image.authors="you@example.com".',
  ),
  UndefinedArgInFrom: rule(
    'UndefinedArgInFrom',
    'undefined-arg-in-from',
    'FROM command must use declared ARGs',
    'A FROM line can only use ARGs declared before the first FROM (and the built-in ones such as BUILDPLATFORM). An undeclared name expands to nothing.',
  ),
  WorkdirRelativePath: rule(
    'WorkdirRelativePath',
    'workdir-relative-path',
    'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
    "A relative WORKDIR continues from the base image's working directory, which this Dockerfile does not control. Start with an absolute path, e.g. WORKDIR /app.",
  ),
  UndefinedVar: rule(
    'UndefinedVar',
    'undefined-var',
    'Variables should be defined before their use',
    'Docker expands $NAME in this instruction itself, and nothing defines NAME at this point (an ARG or ENV above it in the stage, or the base image). It becomes an empty string. RUN, CMD and ENTRYPOINT are not checked: the shell expands those when it runs.',
  ),
  MultipleInstructionsDisallowed: rule(
    'MultipleInstructionsDisallowed',
    'multiple-instructions-disallowed',
    'Multiple instructions of the same type should not be used in the same stage',
    'An image has one CMD, one ENTRYPOINT and one HEALTHCHECK: only the last one in a stage counts, so this one does nothing.',
  ),
  LegacyKeyValueFormat: rule(
    'LegacyKeyValueFormat',
    'legacy-key-value-format',
    'Legacy key/value format with whitespace separator should not be used',
    'The old form "ENV NAME value" sets one variable to everything after the name, spaces included. NAME=value says exactly where the value starts and ends, and sets several at once.',
  ),
  InvalidBaseImagePlatform: rule(
    'InvalidBaseImagePlatform',
    '',
    'Base image platform does not match expected target platform',
    'The base image was pulled for another platform than the build targets, so its programs may not run here.',
  ),
  RedundantTargetPlatform: rule(
    'RedundantTargetPlatform',
    'redundant-target-platform',
    'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    'FROM already uses the target platform; --platform=$TARGETPLATFORM changes nothing. Remove the flag.',
  ),
  SecretsUsedInArgOrEnv: rule(
    'SecretsUsedInArgOrEnv',
    'secrets-used-in-arg-or-env',
    'Sensitive data should not be used in the ARG or ENV commands',
    'ARG and ENV values are stored in the image: anyone with the image can read them with docker history or docker inspect. Pass secrets with RUN --mount=type=secret instead.',
  ),
  InvalidDefaultArgInFrom: rule(
    'InvalidDefaultArgInFrom',
    'invalid-default-arg-in-from',
    'Default value for global ARG results in an empty or invalid base image name',
    'Without --build-arg this FROM names no valid image. Give the ARG a default value so the Dockerfile builds as it is.',
  ),
  FromPlatformFlagConstDisallowed: rule(
    'FromPlatformFlagConstDisallowed',
    'from-platform-flag-const-disallowed',
    'FROM --platform flag should not use a constant value',
    'A fixed --platform makes this stage build for one platform only, whatever the build asks for. Use $BUILDPLATFORM, or put the platform in the stage name to say it is on purpose.',
  ),
  CopyIgnoredFile: rule(
    'CopyIgnoredFile',
    'copy-ignored-file',
    'Attempting to Copy file that is excluded by .dockerignore',
    '.dockerignore keeps this path out of the build context, so the instruction cannot find it.',
    true,
  ),
  InvalidDefinitionDescription: rule(
    'InvalidDefinitionDescription',
    'invalid-definition-description',
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    'docker build --call=outline shows the comment above a FROM or ARG as its description when it starts with the name.',
    true,
  ),
  ExposeProtoCasing: rule(
    'ExposeProtoCasing',
    'expose-proto-casing',
    'Protocol in EXPOSE instruction should be lowercase',
    'Protocols are written tcp, udp or sctp.',
  ),
  ExposeInvalidFormat: rule(
    'ExposeInvalidFormat',
    'expose-invalid-format',
    'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
    'EXPOSE documents the port the container listens on. Which host port maps to it is chosen when the container runs: docker run -p 8080:80.',
  ),
} as const satisfies Record<string, RuleInfo>;

export type RuleName = keyof typeof RULES;

/** BuildKit's message for each rule (the `Format` functions of ruleset.go). */
export const MESSAGES = {
  StageNameCasing: (stage: string) => `Stage name '${stage}' should be lowercase`,
  FromAsCasing: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  NoEmptyContinuation: () => 'Empty continuation line',
  ConsistentInstructionCasing: (command: string, casing: 'lowercase' | 'uppercase') =>
    `Command '${command}' should match the case of the command majority (${casing})`,
  DuplicateStageName: (stage: string) =>
    `Duplicate stage name ${goQuote(stage)}, stage names should be unique`,
  ReservedStageName: (stage: string) =>
    `Stage name should not use the same name as reserved stage ${goQuote(stage)}`,
  JSONArgsRecommended: (instruction: string) =>
    `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  MaintainerDeprecated: () => 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: (arg: string, suggest: string) =>
    `FROM argument '${arg}' is not declared${suggest ? ` (did you mean ${suggest}?)` : ''}`,
  WorkdirRelativePath: (workdir: string) =>
    `Relative workdir ${goQuote(workdir)} can have unexpected results if the base image changes`,
  UndefinedVar: (name: string, suggest: string) =>
    `Usage of undefined variable '$${name}'${suggest ? ` (did you mean $${suggest}?)` : ''}`,
  MultipleInstructionsDisallowed: (instruction: string) =>
    `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
  LegacyKeyValueFormat: (instruction: string) =>
    `"${instruction} key=value" should be used instead of legacy "${instruction} key value" format`,
  RedundantTargetPlatform: (platform: string) =>
    `Setting platform to predefined ${platform} in FROM is redundant as this is the default behavior`,
  SecretsUsedInArgOrEnv: (instruction: string, key: string) =>
    `Do not use ARG or ENV instructions for sensitive data (${instruction} ${goQuote(key)})`,
  InvalidDefaultArgInFrom: (base: string) =>
    `Default value for ARG ${base} results in empty or invalid base image name`,
  FromPlatformFlagConstDisallowed: (platform: string) =>
    `FROM --platform flag should not use constant value ${goQuote(platform)}`,
  CopyIgnoredFile: (instruction: 'Copy' | 'Add', file: string) =>
    `Attempting to ${instruction} file ${goQuote(file)} that is excluded by .dockerignore`,
  InvalidDefinitionDescription: (instruction: string, name: string) =>
    `Comment for ${instruction} should follow the format: \`# ${name} <description>\``,
  ExposeProtoCasing: (port: string) =>
    `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  ExposeInvalidFormat: (port: string) =>
    `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
} satisfies Partial<Record<RuleName, (...args: never[]) => string>>;
