/** Hyperopt's Python syntax: export a run as a script, import a space written in Python. */
export { pythonScript, type ScriptInput, type ScriptObjective, type ScriptSettings } from './pythonScript';
export { parsePythonSpace } from './parsePython';
export { PythonImportError } from './pythonErrors';
export { spaceToTypeScript } from './spaceToTypeScript';
export { spaceExpression } from './spaceSource';
