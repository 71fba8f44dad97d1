import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { punchQueue } from './services/attendance.api';
import { surveyQueue } from './services/surveys.api';
import '@nutui/icons-react-taro/dist/style_icon.css';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Nothing a user tapped is lost: queued clock-ins and survey answers are retried on reconnect and on app show,
  // whichever page is open.
  useLaunch(() => {
    punchQueue.start();
    surveyQueue.start();
  });
  return children;
}

export default App;
