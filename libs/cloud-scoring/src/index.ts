export * from './capabilities';
export * from './certifications';
export * from './regions';
export * from './score-clouds';
