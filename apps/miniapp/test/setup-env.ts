// The build bakes the API base in; tests use a recognisable one.
process.env.TARO_APP_API_BASE = 'https://api.test';
