import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { ROLES, type Role } from '@kaoping/contracts';
import { TabBar } from './index';
import { tabItemsFor } from './tab-items';
import { ROUTES } from '../../services/routes';

const texts = (role: Role | null) => tabItemsFor(role).map((t) => t.text);

describe('tab bar items by role', () => {
  it.each(['staff', 'chief', 'leader'] as const)('%s: 首页 / 我的', (role) => {
    expect(texts(role)).toEqual(['首页', '我的']);
  });

  it('office also gets 管理, which opens the admin subpackage', () => {
    expect(texts('office')).toEqual(['首页', '管理', '我的']);
    expect(tabItemsFor('office')[1].url).toBe(ROUTES.adminPeople);
    expect(ROUTES.adminPeople.startsWith('/subpackages/admin/')).toBe(true);
  });

  it('citizen and representative: 首页 / 我的', () => {
    expect(texts('citizen')).toEqual(['首页', '我的']);
    expect(texts('representative')).toEqual(['首页', '我的']);
  });

  it('only office sees 管理', () => {
    const withAdmin = ROLES.filter((r) => texts(r).includes('管理'));
    expect(withAdmin).toEqual(['office']);
  });
});

describe('<TabBar>', () => {
  it('renders the role items, marks the active one and relaunches on another tab', () => {
    render(<TabBar role="office" active="home" />);

    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['首页', '管理', '我的']);
    expect(screen.getByTestId('tab-home').getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByTestId('tab-home'));
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('tab-admin'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.adminPeople });
  });

  it('shows no 管理 tab for a chief', () => {
    render(<TabBar role="chief" active="mine" />);
    expect(screen.queryByText('管理')).toBeNull();
    expect(screen.getByText('我的')).toBeTruthy();
  });
});
